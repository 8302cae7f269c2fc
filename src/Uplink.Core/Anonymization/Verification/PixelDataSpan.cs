using Uplink.Dicom;

namespace Uplink.Core.Anonymization.Verification;

/// <summary>
/// Where the Pixel Data element sits in a written file, so that the leak scan covers every other byte. Found
/// from the end of the file: Pixel Data is the last top-level element of the files Uplink writes; its encoded
/// size is known from the parsed file, and the tag bytes at the computed offset must be (7FE0,0010).
/// </summary>
internal static class PixelDataSpan
{
    private const int ExplicitLongHeader = 12;
    private const int ItemHeader = 8;

    /// <summary>The byte range of Pixel Data, or null when there is none or it cannot be located exactly (then the whole file is scanned).</summary>
    /// <param name="written">The written file.</param>
    /// <param name="file">The same file, parsed.</param>
    /// <returns>Start and end offsets, end exclusive.</returns>
    public static (long Start, long End)? Find(WrittenOutput written, DicomFile file)
    {
        var last = file.Dataset.LastOrDefault();
        if (last is null || last.Tag != DicomTags.PixelData || !file.TransferSyntax.IsExplicitVR || !file.TransferSyntax.IsLittleEndian || file.TransferSyntax.IsDeflated)
        {
            return null;
        }

        long encoded = last switch
        {
            DicomElement element => ExplicitLongHeader + element.Length,
            DicomFragmentSequence fragments => ExplicitLongHeader + fragments.Fragments.Sum(f => ItemHeader + f.Length) + ItemHeader,
            _ => -1,
        };
        var length = written.Length;
        var start = length - encoded;
        if (encoded < 0 || start < 0)
        {
            return null;
        }

        Span<byte> tag = stackalloc byte[4];
        return written.ReadAt(start, tag) == tag.Length && tag.SequenceEqual((ReadOnlySpan<byte>)[0xE0, 0x7F, 0x10, 0x00]) ? (start, length) : null;
    }
}
