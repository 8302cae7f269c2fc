using System.Collections.Concurrent;
using Uplink.Plugins.Abstractions.Outputs;

namespace Uplink.Core.Tests.Shares.Support;

/// <summary>A recording output that also takes non-DICOM content, as a destination that password protects it would.</summary>
internal sealed class RecordingDocumentOutput(string id) : RecordingOutput(id), INonDicomOutput
{
    public ConcurrentQueue<(OutboundDocument Document, byte[] Bytes)> Documents { get; } = new();

    public ValueTask<DeliveryResult> DeliverNonDicomAsync(OutboundDocument document, CancellationToken cancellationToken)
    {
        Documents.Enqueue((document, File.ReadAllBytes(document.FilePath)));
        return ValueTask.FromResult(DeliveryResult.Delivered(document.IdempotencyKey));
    }
}
