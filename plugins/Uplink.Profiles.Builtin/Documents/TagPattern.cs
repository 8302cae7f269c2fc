using System.Globalization;
using Uplink.Dicom;

namespace Uplink.Profiles.Builtin.Documents;

/// <summary>Reads the tag of a rule: a dictionary keyword, or eight hex digits with <c>x</c> for repeating positions.</summary>
internal static class TagPattern
{
    /// <summary>Parses the text into a tag and the mask of the digits that must match.</summary>
    /// <param name="text">For example <c>PatientName</c>, <c>00100010</c> or <c>60xx3000</c>.</param>
    /// <returns>The tag (repeating digits zero) and its mask.</returns>
    /// <exception cref="FormatException">Neither a known keyword nor a tag pattern.</exception>
    public static (DicomTag Tag, uint Mask) Parse(string text)
    {
        if (text.Length == 8 && text.All(c => char.IsAsciiHexDigit(c) || c is 'x' or 'X'))
        {
            uint mask = 0;
            foreach (var c in text)
            {
                mask = (mask << 4) | (c is 'x' or 'X' ? 0u : 0xFu);
            }

            var hex = text.Replace('x', '0').Replace('X', '0');
            return (DicomTag.FromValue(uint.Parse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture)), mask);
        }

        var entry = DicomDictionary.LookupKeyword(text)
            ?? throw new FormatException($"'{text}' is neither a DICOM keyword nor a tag pattern such as 60xx3000.");
        return (entry.Tag, uint.MaxValue);
    }
}
