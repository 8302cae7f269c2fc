namespace Uplink.Dicom.Network;

/// <summary>DIMSE status codes (PS3.7 annex C, PS3.4 B.2.3) that Uplink sends or interprets.</summary>
public static class DimseStatus
{
    /// <summary>0000: success.</summary>
    public const ushort Success = 0x0000;

    /// <summary>A700: refused, out of resources (the answer whenever an instance cannot be made durable).</summary>
    public const ushort OutOfResources = 0xA700;

    /// <summary>A900: error, data set does not match SOP class.</summary>
    public const ushort DataSetDoesNotMatchSopClass = 0xA900;

    /// <summary>C000: error, cannot understand.</summary>
    public const ushort CannotUnderstand = 0xC000;

    /// <summary>0122: refused, SOP class not supported.</summary>
    public const ushort SopClassNotSupported = 0x0122;

    /// <summary>0110: processing failure.</summary>
    public const ushort ProcessingFailure = 0x0110;

    /// <summary>Whether a status is a success (0000) or a warning (0001, Bxxx) rather than a failure.</summary>
    /// <param name="status">The status from a response.</param>
    /// <returns>True for success and warnings.</returns>
    public static bool IsSuccessOrWarning(ushort status) => status == Success || status == 0x0001 || (status & 0xF000) == 0xB000;
}
