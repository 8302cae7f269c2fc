namespace Uplink.Dicom;

/// <summary>A DICOM Part 10 file (or a bare dataset read as one): File Meta Information and dataset.</summary>
/// <remarks>SEED: the codec issue replaces this declaration with the real reader and writer.</remarks>
public sealed class DicomFile
{
}
