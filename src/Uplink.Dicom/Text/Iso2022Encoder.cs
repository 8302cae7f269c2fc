using System.Text;

namespace Uplink.Dicom.Text;

/// <summary>Encodes text for ISO 2022 character sets: ASCII as is, each run of other characters behind the escape
/// sequence of the first declared set that can hold it (JIS X 0208 runs end with ESC ( B).</summary>
internal static class Iso2022Encoder
{
    private const byte Esc = 0x1B;

    /// <summary>Encodes <paramref name="text"/>; throws <see cref="ArgumentException"/> when no declared set can hold a run.</summary>
    public static byte[] Encode(string text, CharacterSetTerm[] terms, string characterSet)
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

            output.AddRange(EncodeRun(text[i..end], terms, characterSet));
            i = end;
        }

        return [.. output];
    }

    private static byte[] EncodeRun(string run, CharacterSetTerm[] terms, string characterSet)
    {
        foreach (var term in terms)
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

        throw new ArgumentException($"Specific Character Set '{characterSet}' cannot represent the text.", nameof(run));
    }

    private static byte[]? TryEncode(Encoding encoding, string run)
    {
        var bytes = encoding.GetBytes(run);
        return encoding.GetString(bytes) == run && bytes.All(b => b >= 0x80) ? bytes : null;
    }
}
