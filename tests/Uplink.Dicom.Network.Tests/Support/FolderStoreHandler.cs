using System.Collections.Concurrent;

namespace Uplink.Dicom.Network.Tests.Support;

/// <summary>Writes each received instance as a Part 10 file named by its SOP Instance UID, or fails on demand.</summary>
internal sealed class FolderStoreHandler(string folder) : IDicomStoreHandler
{
    public ConcurrentQueue<DicomStoreRequest> Received { get; } = new();

    public ushort? ForcedStatus { get; set; }

    public TimeSpan Delay { get; set; }

    public async Task<ushort> StoreAsync(DicomStoreRequest request, CancellationToken cancellationToken)
    {
        Received.Enqueue(request);
        await Task.Delay(Delay, cancellationToken);
        if (ForcedStatus is { } status)
        {
            return status;
        }

        var output = File.Create(Path.Combine(folder, request.SopInstanceUid + ".dcm"));
        await using (output)
        {
            await request.WritePart10Async(output, cancellationToken);
        }

        return DimseStatus.Success;
    }
}
