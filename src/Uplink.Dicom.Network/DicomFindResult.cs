namespace Uplink.Dicom.Network;

/// <summary>The outcome of a C-FIND: the final status and every match the pending responses carried.</summary>
/// <param name="Status">The final response's status: 0000 success, FE00 cancelled, A700/A900/Cxxx failures.</param>
/// <param name="Matches">The identifiers of the pending responses, in order.</param>
public sealed record DicomFindResult(ushort Status, IReadOnlyList<DicomDataset> Matches);
