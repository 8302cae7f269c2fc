namespace Uplink.Dicom.IO;

/// <summary>Names tags in messages: <c>(0010,0010) PatientName</c>.</summary>
internal static class Describe
{
    public static string Tag(DicomTag tag)
    {
        var keyword = DicomDictionary.KeywordOf(tag);
        return keyword.Length == 0 ? tag.ToString() : $"{tag} {keyword}";
    }
}
