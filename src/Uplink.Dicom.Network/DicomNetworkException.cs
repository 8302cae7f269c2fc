namespace Uplink.Dicom.Network;

/// <summary>An association that was rejected, aborted, timed out or broke; the message says which and why.</summary>
public sealed class DicomNetworkException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What happened, naming the peer's answer (reject source/reason, abort source/reason) when there is one.</param>
    public DicomNetworkException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="innerException">The cause.</param>
    public DicomNetworkException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception without a message (for serializers).</summary>
    public DicomNetworkException()
    {
    }
}
