namespace Uplink.Dicom.Imaging.Jpeg;

/// <summary>The coding process a JPEG frame declares by its SOFn marker (ITU T.81 Table B.1).</summary>
public enum JpegProcess
{
    /// <summary>SOF0: baseline sequential DCT, Huffman.</summary>
    Baseline,

    /// <summary>SOF1: extended sequential DCT, Huffman.</summary>
    ExtendedSequential,

    /// <summary>SOF2: progressive DCT, Huffman.</summary>
    Progressive,

    /// <summary>SOF3: lossless, Huffman.</summary>
    Lossless,

    /// <summary>SOF5–SOF7 (Huffman) or SOF13–SOF15 (arithmetic): hierarchical (differential) frames.</summary>
    Hierarchical,

    /// <summary>SOF9–SOF11: arithmetic coding.</summary>
    Arithmetic,
}
