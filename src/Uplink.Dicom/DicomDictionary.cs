using System.Globalization;
using Uplink.Dicom.Dictionary;
using Uplink.Dicom.IO;

namespace Uplink.Dicom;

/// <summary>The PS3.6 data dictionary, generated from <c>dicom-standard/dictionary.tsv</c>.</summary>
public static class DicomDictionary
{
    private static readonly Lazy<DictionaryTables> Tables = new(DictionaryTables.Parse);

    /// <summary>Finds the entry for a tag, including repeating groups such as <c>60xx</c> overlays.</summary>
    /// <param name="tag">The tag.</param>
    /// <returns>The entry, or null for private and unknown tags.</returns>
    public static DicomDictionaryEntry? Lookup(DicomTag tag) => Tables.Value.Lookup(tag);

    /// <summary>Finds the entry for a keyword such as <c>PatientName</c> (case-sensitive).</summary>
    /// <param name="keyword">The keyword.</param>
    /// <returns>The entry, or null when no element has that keyword.</returns>
    public static DicomDictionaryEntry? LookupKeyword(string keyword)
    {
        ArgumentNullException.ThrowIfNull(keyword);
        return Tables.Value.ByKeyword.GetValueOrDefault(keyword);
    }

    /// <summary>The keyword of a tag for display: dictionary keyword, <c>PrivateCreator</c>, <c>GroupLength</c> or empty.</summary>
    internal static string KeywordOf(DicomTag tag)
    {
        if (tag.Element == 0)
        {
            return tag.Group == 0x0002 ? "FileMetaInformationGroupLength" : "GroupLength";
        }

        if (tag.IsPrivateCreator)
        {
            return "PrivateCreator";
        }

        return Lookup(tag)?.Keyword ?? string.Empty;
    }

    private sealed class DictionaryTables
    {
        private readonly Dictionary<uint, DicomDictionaryEntry> _byTag = [];
        private readonly List<(uint Mask, uint Value, DicomDictionaryEntry Entry)> _repeating = [];

        public Dictionary<string, DicomDictionaryEntry> ByKeyword { get; } = new(StringComparer.Ordinal);

        public static DictionaryTables Parse()
        {
            var tables = new DictionaryTables();
            foreach (var line in DictionaryData.Elements.Split('\n'))
            {
                var fields = line.Split('\t');
                var pattern = fields[0];
                var value = uint.Parse(pattern.Replace('x', '0'), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                var vrText = fields[1];
                var entry = new DicomDictionaryEntry(
                    DicomTag.FromValue(value),
                    vrText.Length >= 2 ? VRInfo.Parse(vrText[..2]) : DicomVR.None,
                    fields[2],
                    fields[3],
                    fields[4],
                    fields[5] == "Y")
                {
                    AllowsOW = vrText.Contains("or OW", StringComparison.Ordinal),
                    AllowsSS = vrText.StartsWith("US or SS", StringComparison.Ordinal),
                };
                if (pattern.Contains('x', StringComparison.Ordinal))
                {
                    var mask = uint.Parse(
                        string.Concat(pattern.Select(c => c == 'x' ? '0' : 'F')), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                    tables._repeating.Add((mask, value, entry));
                }
                else
                {
                    tables._byTag[value] = entry;
                }

                if (entry.Keyword.Length > 0)
                {
                    tables.ByKeyword[entry.Keyword] = entry;
                }
            }

            return tables;
        }

        public DicomDictionaryEntry? Lookup(DicomTag tag)
        {
            if (_byTag.TryGetValue(tag.Value, out var entry))
            {
                return entry;
            }

            if (tag.IsPrivate)
            {
                return null;
            }

            foreach (var (mask, value, repeating) in _repeating)
            {
                if ((tag.Value & mask) == value)
                {
                    return repeating;
                }
            }

            return null;
        }
    }
}
