using Uplink.Dicom;

namespace Uplink.Tricefy.Simulator.Rules;

/// <summary>
/// "One file per request": the whole body must parse as exactly one Part 10 file whose dataset agrees
/// with its File Meta (a second file appended, or a truncated one, is refused like a real server would).
/// </summary>
internal static class SingleFile
{
    /// <summary>Returns why the body is not one valid file, or null.</summary>
    public static string? Check(byte[] body, Part10Header header)
    {
        try
        {
            var file = DicomFile.Read(new MemoryStream(body, writable: false));
            var sop = file.Dataset.GetString(DicomTags.SOPInstanceUID);
            return sop == header.SopInstanceUid
                ? null
                : "The dataset's SOP Instance UID does not match the File Meta's Media Storage SOP Instance UID.";
        }
        catch (DicomFormatException ex)
        {
            return $"The body is not one valid DICOM file: {ex.Message}";
        }
    }
}
