using System.Collections.Concurrent;
using System.Text;
using Uplink.Dicom.IO;

namespace Uplink.Dicom.Text;

/// <summary>The decoder and encoder for one value of Specific Character Set (0008,0005), ISO 2022 included.</summary>
internal sealed class CharacterSet
{
    private const byte Esc = 0x1B;

    private static readonly ConcurrentDictionary<string, CharacterSet> Cache = new(StringComparer.Ordinal);

    private readonly CharacterSetTerm[] _terms;
    private readonly CharacterSetTerm _initialG1;
    private readonly bool _codeExtensions;

    private CharacterSet(string value)
    {
        Value = value;
        var names = value.Split('\\').Select(n => n.Trim()).ToArray();
        _terms = [.. names.Select(n => CharacterSetTerms.ByName.GetValueOrDefault(n) ?? CharacterSetTerms.Ascii)];
        _codeExtensions = names.Length > 1 || names[0].StartsWith("ISO 2022", StringComparison.Ordinal);
        _initialG1 = _terms[0].Kind is CharacterSetKind.SingleByteG1 or CharacterSetKind.DoubleByteG1 or CharacterSetKind.Whole
            ? _terms[0]
            : CharacterSetTerms.Ascii;
        IsKnown = names.All(CharacterSetTerms.ByName.ContainsKey);
    }

    /// <summary>The default repertoire.</summary>
    public static CharacterSet Default { get; } = new(string.Empty);

    /// <summary>The value of Specific Character Set this set was built from.</summary>
    public string Value { get; }

    /// <summary>False when a term is not one of the defined terms (decoded as Latin-1 then).</summary>
    public bool IsKnown { get; }

    /// <summary>The set for a value of Specific Character Set (cached).</summary>
    public static CharacterSet Get(string? value)
        => string.IsNullOrEmpty(value) ? Default : Cache.GetOrAdd(value, v => new CharacterSet(v));

    /// <summary>Decodes a text value of the given VR.</summary>
    public string Decode(ReadOnlySpan<byte> bytes, DicomVR vr)
    {
        if (!_codeExtensions)
        {
            return _terms[0].Encoding.GetString(bytes);
        }

        if (bytes.IndexOf(Esc) < 0 && _initialG1.Kind != CharacterSetKind.DoubleByteG1 && bytes.IndexOfAnyInRange((byte)0x80, (byte)0xFF) < 0)
        {
            return Encoding.Latin1.GetString(bytes);
        }

        return DecodeIso2022(bytes, vr);
    }

    /// <summary>Encodes text for a value of the given VR; throws when the set cannot represent it.</summary>
    public byte[] Encode(string text, DicomVR vr)
    {
        if (Ascii.IsValid(text))
        {
            return Encoding.ASCII.GetBytes(text);
        }

        if (!VRInfo.UsesCharacterSet(vr))
        {
            throw new ArgumentException($"VR {vr} allows only the default character repertoire (ASCII), but the text has other characters.", nameof(text));
        }

        return _codeExtensions ? EncodeIso2022(text) : EncodeWhole(_terms[0], text);
    }

    private static byte[] EncodeWhole(CharacterSetTerm term, string text)
    {
        var bytes = term.Encoding.GetBytes(text);
        if (term.Encoding.GetString(bytes) != text)
        {
            throw new ArgumentException($"Specific Character Set cannot represent the text with {term.Encoding.WebName}.", nameof(text));
        }

        return bytes;
    }

    private static bool IsDelimiter(byte b, DicomVR vr)
        => b is 0x0A or 0x0C or 0x0D or 0x09 || (b == (byte)'\\' && !VRInfo.IsSingleValued(vr))
            || (vr == DicomVR.PN && b is (byte)'^' or (byte)'=');

    private string DecodeIso2022(ReadOnlySpan<byte> bytes, DicomVR vr)
    {
        var text = new StringBuilder(bytes.Length);
        var g0 = CharacterSetTerms.Ascii;
        var g1 = _initialG1;
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
                g1 = _initialG1;
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

    private byte[] EncodeIso2022(string text)
    {
        var output = new List<byte>(text.Length * 2);
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsAscii(text[i]))
            {
                output.Add((byte)text[i]);
                i++;
                continue;
            }

            var end = i;
            while (end < text.Length && !char.IsAscii(text[end]))
            {
                end++;
            }

            output.AddRange(EncodeRun(text[i..end]));
            i = end;
        }

        return [.. output];
    }

    private byte[] EncodeRun(string run)
    {
        foreach (var term in _terms)
        {
            var bytes = term.Kind switch
            {
                CharacterSetKind.SingleByteG1 or CharacterSetKind.DoubleByteG1 => TryEncode(term.Encoding, run),
                CharacterSetKind.JisX0208 => TryEncode(term.Encoding, run) is { } euc && euc.All(b => b >= 0xA1)
                    ? euc.Select(b => (byte)(b & 0x7F)).ToArray()
                    : null,
                _ => null,
            };
            if (bytes is null)
            {
                continue;
            }

            var escape = Encoding.ASCII.GetBytes(term.Escape);
            byte[] back = term.Kind == CharacterSetKind.JisX0208 ? [Esc, (byte)'(', (byte)'B'] : [];
            return [Esc, .. escape, .. bytes, .. back];
        }

        throw new ArgumentException($"Specific Character Set '{Value}' cannot represent the text.", nameof(run));
    }

    private static byte[]? TryEncode(Encoding encoding, string run)
    {
        var bytes = encoding.GetBytes(run);
        return encoding.GetString(bytes) == run && bytes.All(b => b >= 0x80) ? bytes : null;
    }
}
