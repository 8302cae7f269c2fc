namespace Uplink.Dicom;

/// <summary>The bytes are not a DICOM file Uplink can read: says what is wrong, at which byte and in which tag.</summary>
public sealed class DicomFormatException : Exception
{
    /// <summary>Creates the exception without a position.</summary>
    public DicomFormatException()
        : this("The bytes are not valid DICOM.", -1, null)
    {
    }

    /// <summary>Creates the exception without a position.</summary>
    /// <param name="message">What is wrong.</param>
    public DicomFormatException(string message)
        : this(message, -1, null)
    {
    }

    /// <summary>Creates the exception without a position, wrapping the cause.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public DicomFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        Offset = -1;
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong, naming the offset and tag.</param>
    /// <param name="offset">The byte offset in the file (or in the inflated dataset of a deflated file); -1 when unknown.</param>
    /// <param name="tag">The tag being read, if known.</param>
    /// <param name="innerException">The cause, if any.</param>
    public DicomFormatException(string message, long offset, DicomTag? tag, Exception? innerException = null)
        : base(message, innerException)
    {
        Offset = offset;
        Tag = tag;
    }

    /// <summary>The byte offset where the problem was found; -1 when unknown.</summary>
    public long Offset { get; }

    /// <summary>The tag being read, if known.</summary>
    public DicomTag? Tag { get; }
}
