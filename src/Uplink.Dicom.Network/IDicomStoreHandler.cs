namespace Uplink.Dicom.Network;

/// <summary>Where a <see cref="DicomServer"/> hands each received instance. Its answer is the C-STORE status.</summary>
public interface IDicomStoreHandler
{
    /// <summary>
    /// Keeps the instance (or not). Return <see cref="DimseStatus.Success"/> only once the instance is durable;
    /// the server answers <see cref="DimseStatus.OutOfResources"/> if this throws. The request's spool file is
    /// deleted when this returns, so copy or move it before then.
    /// </summary>
    /// <param name="request">The received instance.</param>
    /// <param name="cancellationToken">Signalled when the server stops or the association ends.</param>
    /// <returns>The C-STORE response status.</returns>
    Task<ushort> StoreAsync(DicomStoreRequest request, CancellationToken cancellationToken);
}
