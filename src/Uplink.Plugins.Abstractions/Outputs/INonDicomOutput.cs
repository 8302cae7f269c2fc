namespace Uplink.Plugins.Abstractions.Outputs;

/// <summary>
/// Implemented by an <see cref="IOutputPlugin"/> whose destination delivers non-DICOM content to the patient
/// behind a passcode. Non-DICOM content goes only to outputs that implement it; when none of the active
/// outputs does, it is kept aside with that reason and never sent.
/// </summary>
public interface INonDicomOutput
{
    /// <summary>Delivers one document, marked to be password protected at the destination.</summary>
    /// <param name="document">The document.</param>
    /// <param name="cancellationToken">Signalled when the host stops.</param>
    /// <returns>The result, keyed by <see cref="OutboundDocument.IdempotencyKey"/>.</returns>
    ValueTask<DeliveryResult> DeliverNonDicomAsync(OutboundDocument document, CancellationToken cancellationToken);
}
