namespace Uplink.Dicom.Imaging;

/// <summary>
/// Pixel data that cannot be decoded, cleaned or checked: the message says what is wrong and where (frame,
/// byte offset, marker, field), never a pixel value. The instance is set aside with this reason.
/// </summary>
public sealed class PixelDataException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PixelDataException()
        : this("The pixel data cannot be processed.")
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong and where.</param>
    public PixelDataException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception wrapping its cause.</summary>
    /// <param name="message">What is wrong and where.</param>
    /// <param name="innerException">The cause.</param>
    public PixelDataException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
