namespace Uplink.Dicom.Network.Dimse;

/// <summary>A DIMSE message that does not decode; the association is aborted.</summary>
internal sealed class DimseFormatException(string message) : Exception(message);
