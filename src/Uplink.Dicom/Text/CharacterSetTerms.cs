using System.Collections.Frozen;
using System.Text;

namespace Uplink.Dicom.Text;

/// <summary>The defined terms of Specific Character Set, with and without code extensions.</summary>
internal static class CharacterSetTerms
{
    static CharacterSetTerms()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Ascii = new CharacterSetTerm(Encoding.Latin1, "(B", CharacterSetKind.Ascii);
        var terms = new Dictionary<string, CharacterSetTerm>(StringComparer.Ordinal)
        {
            [string.Empty] = Ascii,
            ["ISO_IR 6"] = Ascii,
            ["ISO 2022 IR 6"] = Ascii,
            ["ISO_IR 192"] = new(new UTF8Encoding(false), string.Empty, CharacterSetKind.Whole),
            ["GB18030"] = new(Encoding.GetEncoding(54936), string.Empty, CharacterSetKind.Whole),
            ["GBK"] = new(Encoding.GetEncoding(936), string.Empty, CharacterSetKind.Whole),
            ["ISO 2022 IR 87"] = new(Encoding.GetEncoding(51932), "$B", CharacterSetKind.JisX0208),
            ["ISO 2022 IR 159"] = new(Encoding.GetEncoding(51932), "$(D", CharacterSetKind.JisX0212),
            ["ISO 2022 IR 149"] = new(Encoding.GetEncoding(51949), "$)C", CharacterSetKind.DoubleByteG1),
            ["ISO 2022 IR 58"] = new(Encoding.GetEncoding(936), "$)A", CharacterSetKind.DoubleByteG1),
        };
        foreach (var (number, codePage, escape) in new (int, int, string)[]
        {
            (100, 28591, "-A"), (101, 28592, "-B"), (109, 28593, "-C"), (110, 28594, "-D"), (144, 28595, "-L"),
            (127, 28596, "-G"), (126, 28597, "-F"), (138, 28598, "-H"), (148, 28599, "-M"), (203, 28605, "-b"),
            (166, 874, "-T"), (13, 932, ")I"),
        })
        {
            var term = new CharacterSetTerm(Encoding.GetEncoding(codePage), escape, CharacterSetKind.SingleByteG1);
            terms[$"ISO_IR {number}"] = term;
            terms[$"ISO 2022 IR {number}"] = term;
        }

        ByName = terms.ToFrozenDictionary(StringComparer.Ordinal);
        ByEscape = terms.Values.Where(t => t.Escape.Length > 0).DistinctBy(t => t.Escape)
            .ToFrozenDictionary(t => t.Escape, StringComparer.Ordinal);
    }

    /// <summary>The default repertoire (decoded as Latin-1 so stray high bytes survive).</summary>
    public static CharacterSetTerm Ascii { get; }

    /// <summary>Terms by defined term (<c>ISO_IR 100</c>, <c>ISO 2022 IR 87</c>, ...).</summary>
    public static FrozenDictionary<string, CharacterSetTerm> ByName { get; }

    /// <summary>Terms by escape sequence (without ESC).</summary>
    public static FrozenDictionary<string, CharacterSetTerm> ByEscape { get; }
}
