namespace Uplink.Dicom.Imaging.Cleaning;

/// <summary>The result of <see cref="PixelDataCleaner.Clean"/>.</summary>
/// <param name="PixelData">The new Pixel Data (7FE0,0010): a <see cref="DicomElement"/> for native data or a
/// <see cref="DicomFragmentSequence"/> (rebuilt Basic Offset Table, one fragment per frame) for encapsulated data;
/// its bytes are <see cref="BulkDataReference"/>s into <paramref name="TemporaryFile"/>.</param>
/// <param name="KeptArea">The area actually kept (smaller than asked when a codec blanks whole blocks).</param>
/// <param name="TemporaryFile">The file holding the cleaned bytes: the caller deletes it once the output is written.</param>
/// <param name="FrameCount">How many frames were cleaned.</param>
public sealed record CleanedPixelData(DicomItem PixelData, KeptArea KeptArea, string TemporaryFile, int FrameCount);
