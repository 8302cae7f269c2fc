using Uplink.Core.Anonymization.Audit;
using Uplink.Core.Anonymization.Pixels;
using Uplink.Core.Anonymization.Verification;
using Uplink.Dicom;
using Uplink.Dicom.Imaging.Cleaning;
using Uplink.Plugins.Abstractions.Profiles;

namespace Uplink.Core.Anonymization;

/// <summary>
/// Parse, anonymize with the profile, write beside the destination, verify the written bytes independently,
/// then rename into place. Anything that fails on the way is set aside with a reason and nothing is left at
/// the destination.
/// </summary>
public sealed class InstanceProcessor : IInstanceProcessor
{
    private readonly IUidRemapper _uids;
    private readonly ImageAreaResolver _areas;
    private readonly PixelDataCleaner _pixels = PixelCleaners.Create();
    private readonly OutputVerifier _verifier;

    /// <summary>Creates the processor.</summary>
    /// <param name="uids">The site's UID remapper.</param>
    /// <param name="areaRules">The device rules that locate the image where the regions do not; the shipped ones by default.</param>
    internal InstanceProcessor(IUidRemapper uids, ImageAreaRules? areaRules = null)
    {
        _uids = uids;
        _areas = new ImageAreaResolver(areaRules ?? ImageAreaRules.Load(ImageAreaRules.ShippedFolder));
        _verifier = new OutputVerifier(uids, _areas);
    }

    /// <summary>
    /// The processor of <c>uplink anonymize</c>: UIDs remapped with an HMAC under <paramref name="siteKey"/>, the
    /// image located by the shipped device rules.
    /// </summary>
    /// <param name="siteKey">The site's UID key, at least 16 bytes; copied, never logged.</param>
    /// <returns>The processor.</returns>
    /// <exception cref="ArgumentException">The key is shorter than 16 bytes.</exception>
    public static InstanceProcessor WithSiteKey(ReadOnlySpan<byte> siteKey) => new(new HmacUidRemapper(siteKey));

    /// <inheritdoc />
    public InstanceResult Process(string sourcePath, string outputPath, IAnonymizationProfile profile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profile);
        cancellationToken.ThrowIfCancellationRequested();
        var descriptor = profile.Descriptor;
        var reading = SourceReader.Read(sourcePath, descriptor);
        if (reading.Refusal is { } refusal)
        {
            return refusal;
        }

        if (reading.File is not { } source)
        {
            return NonDicomKeeper.Keep(sourcePath, outputPath, descriptor, cancellationToken);
        }

        // The output's bulk values may read from the source's temporary files: they go only after the output is written.
        using (source)
        {
            return Anonymize(source, profile, outputPath, cancellationToken);
        }
    }

    private InstanceResult Anonymize(DicomFile source, IAnonymizationProfile profile, string outputPath, CancellationToken cancellationToken)
    {
        var descriptor = profile.Descriptor;
        using var pixels = new HostPixelCleaner(_areas, _pixels, Path.GetDirectoryName(Path.GetFullPath(outputPath))!);
        // No catch here: the profile is a GuardedProfile (the pipeline's and the CLI's), the one catch site around it.
        var outcome = profile.Anonymize(new AnonymizationRequest(source, _uids) { Pixels = pixels });

        if (outcome.Disposition != AnonymizationDisposition.Anonymized || outcome.Output is null || outcome.Audit is null)
        {
            var disposition = outcome.Disposition == AnonymizationDisposition.Anonymized ? AnonymizationDisposition.SetAside : outcome.Disposition;
            return Refused(descriptor, disposition, outcome.Reason ?? $"profile {descriptor.Id} returned no output");
        }

        if (MissingIdentity(outcome.Output.Dataset) is { } missing)
        {
            // The SOP Instance UID keys every delivery of the share: two instances without one would be one to an output.
            return Refused(descriptor, AnonymizationDisposition.SetAside, $"the instance has no {missing}, so it cannot be told apart from the other instances of its share");
        }

        cancellationToken.ThrowIfCancellationRequested();
        return WriteVerified(source, outcome, outputPath, descriptor, cancellationToken);
    }

    private static string? MissingIdentity(DicomDataset dataset) =>
        string.IsNullOrWhiteSpace(dataset.GetString(DicomTags.SOPInstanceUID)) ? "SOP Instance UID (0008,0018)"
        : string.IsNullOrWhiteSpace(dataset.GetString(DicomTags.SOPClassUID)) ? "SOP Class UID (0008,0016)"
        : null;

    private InstanceResult WriteVerified(DicomFile source, AnonymizationOutcome outcome, string outputPath, ProfileDescriptor descriptor, CancellationToken cancellationToken)
    {
        var destination = Path.GetFullPath(outputPath);
        var folder = Path.GetDirectoryName(destination)!;
        string? temporary = PartialFile.Beside(destination);
        try
        {
            Directory.CreateDirectory(folder);
            string sha256;
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.None))
            using (var hashing = new HashingStream(stream))
            {
                // Straight into our temporary file (the rename below is the only one), hashed on the way:
                // the audit's SHA-256 costs no second read of a clip.
                outcome.Output!.WriteTo(hashing);
                sha256 = hashing.HashHex();
            }

            var verification = _verifier.Verify(temporary, source, descriptor);
            if (!verification.Passed)
            {
                var reason = $"the verifier refused the output: {string.Join("; ", verification.Violations.Take(5))}"
                    + (verification.Violations.Count > 5 ? $" (and {verification.Violations.Count - 5} more)" : string.Empty);
                return new InstanceResult(AnonymizationDisposition.SetAside, reason, null,
                    AuditRecord.ToJson(descriptor, AnonymizationDisposition.SetAside, reason, outcome.Audit, verification, null));
            }

            cancellationToken.ThrowIfCancellationRequested();
            var info = Describe(verification.Length, destination, outcome.Output, sha256);
            File.Move(temporary, destination, overwrite: true);
            temporary = null;
            return new InstanceResult(AnonymizationDisposition.Anonymized, null, info,
                AuditRecord.ToJson(descriptor, AnonymizationDisposition.Anonymized, null, outcome.Audit, verification, info));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DicomFormatException or InvalidOperationException or ArgumentException)
        {
            return Refused(descriptor, AnonymizationDisposition.SetAside, $"the anonymized instance could not be written and verified ({e.GetType().Name})");
        }
        finally
        {
            if (temporary is not null)
            {
                File.Delete(temporary);
            }
        }
    }

    private static AnonymizedInstanceInfo Describe(long length, string destination, DicomFile output, string sha256)
    {
        // An attribute the verified dataset lacks reads as empty here, as before; it no longer marks anything as a
        // document (those come from NonDicomKeeper as AnonymizedInstanceInfo.Document).
        var dataset = output.Dataset;
        return AnonymizedInstanceInfo.Instance(
            destination,
            length,
            sha256,
            dataset.GetString(DicomTags.SOPClassUID) ?? string.Empty,
            dataset.GetString(DicomTags.SOPInstanceUID) ?? string.Empty,
            dataset.GetString(DicomTags.StudyInstanceUID) ?? string.Empty,
            dataset.GetString(DicomTags.SeriesInstanceUID) ?? string.Empty,
            output.TransferSyntax.Uid);
    }

    /// <summary>A result for an instance that is not sent, with its audit record.</summary>
    internal static InstanceResult Refused(ProfileDescriptor descriptor, AnonymizationDisposition disposition, string reason) =>
        new(disposition, reason, null, AuditRecord.ToJson(descriptor, disposition, reason, null, null, null));
}
