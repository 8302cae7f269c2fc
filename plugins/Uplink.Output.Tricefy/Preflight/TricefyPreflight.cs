using Uplink.Dicom;
using Uplink.Plugins.Abstractions.Outputs;

namespace Uplink.Output.Tricefy.Preflight;

/// <summary>
/// Checks every instance against Tricefy's published limits before anything is sent: the SOP class;
/// the transfer syntax (Implicit VR, Big Endian and deflated native data rewritten, RLE decoded, to Explicit VR
/// Little Endian; anything else set aside naming it); and the 10 MB limit (a multi-frame clip split
/// into parts when allowed; otherwise, and for a single frame, set aside with the sizes).
/// </summary>
internal sealed class TricefyPreflight(TricefyOptions options, string stagingRoot)
{
    private static readonly HashSet<string> Rewritable = new(StringComparer.Ordinal)
    {
        DicomTransferSyntax.ImplicitVRLittleEndian.Uid,
        DicomTransferSyntax.ExplicitVRBigEndian.Uid,
        DicomTransferSyntax.DeflatedExplicitVRLittleEndian.Uid,
        DicomTransferSyntax.RleLossless.Uid,
    };

    public Task<PreflightResult> PrepareAsync(OutboundInstance instance, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!TricefyAccepts.SopClasses.ContainsKey(instance.SopClassUid))
        {
            return Task.FromResult(PreflightResult.SetAside(
                $"SOP class {instance.SopClassUid} is not accepted by Tricefy (it takes {TricefyAccepts.SopClassList})."));
        }

        var accepted = TricefyAccepts.TransferSyntaxes.ContainsKey(instance.TransferSyntaxUid);
        if (!accepted && !Rewritable.Contains(instance.TransferSyntaxUid))
        {
            return Task.FromResult(PreflightResult.SetAside(
                $"Transfer syntax {DicomTransferSyntax.Lookup(instance.TransferSyntaxUid)} is not accepted by Tricefy (it takes {TricefyAccepts.TransferSyntaxList}) and Uplink does not convert it."));
        }

        if (accepted && instance.Length <= options.MaxFileBytes)
        {
            return Task.FromResult(PreflightResult.AsIs(new UploadPart(instance.IdempotencyKey, instance.FilePath, instance.Length)));
        }

        var staging = Path.Combine(stagingRoot, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(staging);
        try
        {
            var result = Rework(instance, accepted, staging);
            if (result.SetAsideReason is not null)
            {
                Directory.Delete(staging, recursive: true);
            }

            return Task.FromResult(result);
        }
        catch (Exception ex) when (ex is DicomFormatException or InvalidDataException)
        {
            Directory.Delete(staging, recursive: true);
            return Task.FromResult(PreflightResult.SetAside($"The file could not be prepared for Tricefy: {ex.Message}"));
        }
    }

    private PreflightResult Rework(OutboundInstance instance, bool accepted, string staging)
    {
        var path = instance.FilePath;
        var length = instance.Length;
        if (!accepted)
        {
            using var source = DicomFile.Open(path);
            if (source.TransferSyntax.Uid == DicomTransferSyntax.RleLossless.Uid)
            {
                RleTranscoder.Decode(source.Dataset, staging);
            }

            path = Path.Combine(staging, "explicit-le.dcm");
            new DicomFile(source.Dataset, DicomTransferSyntax.ExplicitVRLittleEndian).Save(path);
            length = new FileInfo(path).Length;
            if (length <= options.MaxFileBytes)
            {
                return new PreflightResult([new UploadPart(instance.IdempotencyKey, path, length)], null, staging);
            }
        }

        var tooBig = $"The file has {length} bytes, over Tricefy's limit of {options.MaxFileBytes}";
        if (!options.SplitLargeClips)
        {
            return PreflightResult.SetAside($"{tooBig}, and splitting clips is turned off.");
        }

        using var clip = DicomFile.Open(path);
        var frames = clip.Dataset.GetInt32(DicomTags.NumberOfFrames) ?? 1;
        if (frames <= 1)
        {
            return PreflightResult.SetAside($"{tooBig}, and a single frame cannot be split.");
        }

        var parts = ClipSplitter.Split(clip, length, options.MaxFileBytes, instance.IdempotencyKey, staging, out var problem);
        return parts is null
            ? PreflightResult.SetAside($"{tooBig}, and the clip of {frames} frames cannot be split: {problem}.")
            : new PreflightResult(parts, null, staging);
    }
}
