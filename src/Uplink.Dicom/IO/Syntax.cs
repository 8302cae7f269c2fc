namespace Uplink.Dicom.IO;

/// <summary>How the elements at hand are encoded: VR explicit or implicit, byte order.</summary>
/// <param name="ExplicitVR">True when each element carries its VR.</param>
/// <param name="LittleEndian">True for little endian.</param>
internal readonly record struct Syntax(bool ExplicitVR, bool LittleEndian)
{
    /// <summary>Implicit VR Little Endian: the encoding inside UN of undefined length (CP-246).</summary>
    public static Syntax ImplicitLittle => new(false, true);

    /// <summary>Explicit VR Little Endian.</summary>
    public static Syntax ExplicitLittle => new(true, true);

    /// <summary>The syntax of a transfer syntax.</summary>
    public static Syntax Of(DicomTransferSyntax transferSyntax) => new(transferSyntax.IsExplicitVR, transferSyntax.IsLittleEndian);
}
