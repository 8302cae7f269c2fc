using Uplink.Dicom;

namespace Uplink.Core.Anonymization.Verification;

/// <summary>How verifier messages name a tag: <c>(0010,0010) PatientName</c>.</summary>
internal static class TagNames
{
    /// <summary>The tag with its keyword when the dictionary knows it.</summary>
    /// <param name="tag">The tag.</param>
    /// <returns>The text.</returns>
    public static string Describe(DicomTag tag) =>
        tag.IsPrivate ? $"{tag} (private)" : DicomDictionary.Lookup(tag) is { } entry ? $"{tag} {entry.Keyword}" : $"{tag} (unknown)";
}
