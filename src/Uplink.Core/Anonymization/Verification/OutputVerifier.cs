using Uplink.Core.Anonymization.Pixels;
using Uplink.Core.Anonymization.Verification.Pixels;
using Uplink.Dicom;
using Uplink.Plugins.Abstractions.Profiles;

namespace Uplink.Core.Anonymization.Verification;

/// <summary>
/// The host's independent check of a written output, before anything may leave: it re-reads the file from
/// disk, holds it to the rules the profile declares, scans every byte outside Pixel Data for the source's
/// identifying values, and checks that Pixel Data passed through whole, or, where the profile cleans pixels, proves
/// every frame clean.
/// </summary>
internal sealed class OutputVerifier(IUidRemapper uids, ImageAreaResolver areas)
{
    private readonly CleanPixelsCheck _cleanPixels = new(areas);

    /// <summary>Verifies one written output.</summary>
    /// <param name="writtenPath">The output as written (not yet in its final place).</param>
    /// <param name="source">The parsed source.</param>
    /// <param name="descriptor">The profile that produced it.</param>
    /// <returns>What was checked and what is wrong.</returns>
    public VerificationResult Verify(string writtenPath, DicomFile source, ProfileDescriptor descriptor)
    {
        var violations = new List<string>();
        var checks = new List<string> { "parse" };
        using var written = WrittenOutput.Open(writtenPath);
        DicomFile output;
        try
        {
            output = written.Parse(writtenPath);
        }
        catch (DicomFormatException e)
        {
            return new VerificationResult([$"the written output does not parse again: {e.Message}"], checks);
        }

        using var parsed = output;
        var rules = descriptor.Rules;
        if (rules is not null)
        {
            checks.Add("rules");
            RuleConformance.Check(source, output, rules, uids, violations);
        }

        if (rules is null || rules.RemovesIdentity)
        {
            checks.Add("identity-leak-scan");
            IdentityLeakScan.Scan(written, output, source, DictatedValues.Collect(output, rules), uids, violations);
        }

        PixelProof? pixels = null;
        if (rules?.ForSopClass(source.Dataset.GetString(DicomTags.SOPClassUID))?.CleansPixels == true)
        {
            checks.Add("clean-pixels");
            pixels = _cleanPixels.Check(source, output, violations);
        }
        else
        {
            checks.Add("pixel-data");
            if (PixelLength(source) != PixelLength(output))
            {
                violations.Add("Pixel Data did not pass through unchanged (its length or presence differs)");
            }
        }

        return new VerificationResult(violations, checks) { Length = written.Length, Pixels = pixels };
    }

    private static long? PixelLength(DicomFile file) =>
        file.Dataset[DicomTags.PixelData] switch
        {
            DicomElement element => (element.Length + 1) & ~1L, // the writer pads odd lengths to even
            DicomFragmentSequence fragments => fragments.Fragments.Sum(f => (f.Length + 1) & ~1L) + ((long)fragments.Fragments.Count << 40),
            _ => null,
        };
}
