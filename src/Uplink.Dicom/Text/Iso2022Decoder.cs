using System.Text;
using Uplink.Dicom.IO;

namespace Uplink.Dicom.Text;

/// <summary>Decodes ISO 2022 text (PS3.5 6.1.2.5): escape sequences switch G0/G1, delimiters reset to the initial sets.</summary>
internal static class Iso2022Decoder
{
    private const byte Esc = 0x1B;

    /// <summary>Decodes a value; <paramref name="initialG1"/> is the set of the first Specific Character Set value.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes, DicomVR vr, CharacterSetTerm initialG1)
    {
        var text = new StringBuilder(bytes.Length);
        var g0 = CharacterSetTerms.Ascii;
        var g1 = initialG1;
        var start = 0;
        var i = 0;
        while (i < bytes.Length)
        {
            var b = bytes[i];
            if (b == Esc)
            {
                AppendRun(text, bytes[start..i], g0, g1);
                var end = i + 1;
                while (end < bytes.Length && bytes[end] is >= 0x20 and <= 0x2F)
                {
                    end++;
                }

                var escape = Encoding.ASCII.GetString(bytes[(i + 1)..Math.Min(end + 1, bytes.Length)]);
                if (escape == "(J")
                {
                    g0 = CharacterSetTerms.Ascii;
                }
                else if (CharacterSetTerms.ByEscape.TryGetValue(escape, out var term))
                {
                    if (term.Kind is CharacterSetKind.SingleByteG1 or CharacterSetKind.DoubleByteG1)
                    {
                        g1 = term;
                    }
                    else
                    {
                        g0 = term;
                    }
                }

                i = Math.Min(end + 1, bytes.Length);
                start = i;
                continue;
            }

            if (g0.Kind == CharacterSetKind.Ascii && IsDelimiter(b, vr))
            {
                AppendRun(text, bytes[start..i], g0, g1);
                text.Append((char)b);
                g0 = CharacterSetTerms.Ascii;
                g1 = initialG1;
                start = i + 1;
            }

            i++;
        }

        AppendRun(text, bytes[start..], g0, g1);
        return text.ToString();
    }

    private static void AppendRun(StringBuilder text, ReadOnlySpan<byte> run, CharacterSetTerm g0, CharacterSetTerm g1)
    {
        if (run.IsEmpty)
        {
            return;
        }

        if (g0.Kind is CharacterSetKind.JisX0208 or CharacterSetKind.JisX0212)
        {
            // EUC-JP carries JIS X 0208 with the high bit set, and JIS X 0212 after an SS3 (0x8F) byte.
            var prefix = g0.Kind == CharacterSetKind.JisX0212 ? 1 : 0;
            var euc = new byte[run.Length + (prefix * run.Length / 2)];
            var n = 0;
            for (var k = 0; k < run.Length; k++)
            {
                if (prefix == 1 && k % 2 == 0)
                {
                    euc[n++] = 0x8F;
                }

                euc[n++] = (byte)(run[k] | 0x80);
            }

            text.Append(g0.Encoding.GetString(euc, 0, n));
            return;
        }

        text.Append(g1.Encoding.GetString(run));
    }

    private static bool IsDelimiter(byte b, DicomVR vr)
        => b is 0x0A or 0x0C or 0x0D or 0x09 || (b == (byte)'\\' && !VRInfo.IsSingleValued(vr))
            || (vr == DicomVR.PN && b is (byte)'^' or (byte)'=');
}
