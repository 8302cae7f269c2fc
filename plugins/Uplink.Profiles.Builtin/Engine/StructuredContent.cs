using Uplink.Dicom;

namespace Uplink.Profiles.Builtin.Engine;

/// <summary>
/// Clean Structured Content: removes SR content items that hold a person name, free text, a date or a time
/// (with their children), and keeps coded and numeric items such as measurements.
/// </summary>
internal static class StructuredContent
{
    private static readonly HashSet<string> IdentifyingValueTypes = new(StringComparer.Ordinal) { "PNAME", "TEXT", "DATE", "TIME", "DATETIME" };

    /// <summary>Removes the identifying items of one content sequence (its children are visited by the rewriter).</summary>
    /// <param name="contentSequence">The Content Sequence.</param>
    /// <returns>True when the sequence was inspected (the option was applied).</returns>
    public static bool Clean(DicomSequence contentSequence)
    {
        for (var i = contentSequence.Items.Count - 1; i >= 0; i--)
        {
            var valueType = contentSequence.Items[i].GetString(DicomTags.ValueType)?.Trim();
            if (valueType is null || IdentifyingValueTypes.Contains(valueType))
            {
                contentSequence.Items.RemoveAt(i);
            }
        }

        return true;
    }
}
