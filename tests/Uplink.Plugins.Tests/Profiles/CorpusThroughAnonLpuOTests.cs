using System.Text.RegularExpressions;
using Uplink.Core.Anonymization;
using Uplink.Dicom;
using Uplink.Plugins.Abstractions.Profiles;
using Uplink.Plugins.Tests.Profiles.Support;

namespace Uplink.Plugins.Tests.Profiles;

/// <summary>The whole shared corpus through Anon-LPU-O, checked with the real peers: dcmdump and dciodvfy.</summary>
public sealed partial class CorpusThroughAnonLpuOTests : IDisposable
{
    private readonly ProfileHarness _harness = new(areaRules: Uplink.Core.Anonymization.Pixels.ImageAreaRules.Load(Path.Combine(Uplink.Tests.Shared.RepositoryLayout.Root(), "profiles", "image-areas")));

    public void Dispose() => _harness.Dispose();

    [Fact]
    public void Every_ultrasound_file_is_cleaned_or_held_back_with_its_reason_and_every_output_passes_the_peers()
    {
        var corpus = Uplink.Tests.Shared.RepositoryLayout.Shared("dicom-corpus") ?? SkipCorpus();
        var files = Directory.GetFiles(corpus, "*.dcm", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var results = files.Select(f => (Source: f, Run: _harness.Run("Anon-LPU-O", f, Path.GetRelativePath(corpus, f)))).ToList();

        var anonymized = results.Where(r => r.Run.Result.Disposition == AnonymizationDisposition.Anonymized).ToList();
        string[] ultrasoundClasses = ["1.2.840.10008.5.1.4.1.1.6.1", "1.2.840.10008.5.1.4.1.1.6", "1.2.840.10008.5.1.4.1.1.3.1"];
        var ultrasound = results.Where(r => Path.GetRelativePath(corpus, r.Source).StartsWith("us/", StringComparison.Ordinal)
            && ultrasoundClasses.Contains(DicomFile.Open(r.Source).Dataset.GetString(DicomTags.SOPClassUID))).ToList();
        Assert.True(ultrasound.Count >= 16, $"the corpus has {ultrasound.Count} ultrasound images");
        Assert.All(ultrasound, r => Assert.True(
            UltrasoundOutcomes.TryGetValue(Path.GetFileName(r.Source), out var expected) && (expected is null
                ? r.Run.Result.Disposition == AnonymizationDisposition.Anonymized
                : r.Run.Result.Disposition == AnonymizationDisposition.SetAside && r.Run.Result.Reason!.Contains(expected, StringComparison.Ordinal)),
            $"{r.Source}: {r.Run.Result.Disposition}, {r.Run.Result.Reason}"));
        Assert.All(results.Where(r => r.Run.Result.Disposition != AnonymizationDisposition.Anonymized), r => Assert.False(File.Exists(r.Run.OutputPath)));
        var problems = new List<string>();
        foreach (var (source, (_, output)) in anonymized)
        {
            problems.AddRange(Parse(output).Concat(NewValidatorErrors(source, output)).Concat(IdentityLeft(source, output)).Select(p => $"{Path.GetRelativePath(corpus, source)}: {p}"));
        }

        Assert.Empty(problems);
    }

    /// <summary>
    /// Every ultrasound file of the corpus and what strict anonymization must do with it: null when its pixels are
    /// cleaned (outside the regions or a shipped device rule) and proven; else words of the reason it is held back.
    /// </summary>
    private static readonly Dictionary<string, string?> UltrasoundOutcomes = new(StringComparer.Ordinal)
    {
        ["acuson_ybr_full_rle.dcm"] = null,
        ["esaote_ybr_full_422_exvrle.dcm"] = null,
        ["ge_cine_jpeg_baseline_87f.dcm"] = null,
        ["ge_voluson_rgb_exvrle.dcm"] = null,
        ["mindray_ybr_full_rle_burned_in.dcm"] = null,
        ["philips_palette_ivrle.dcm"] = null,
        ["aloka_palette16_ivrle.dcm"] = "PALETTE COLOR needs the Red Palette Color Lookup Table Data",
        ["atl_jpeg_baseline.dcm"] = "no known image area for ATL HDI5000/DVS 640x480",
        ["atl_ybr_full_exvrle.dcm"] = "no known image area for ATL HDI5000/DVS 640x480",
        ["ge_jpeg2000_lossy_ybr_ict.dcm"] = "JPEG 2000 Image Compression (1.2.840.10008.1.2.4.91) cannot be cleaned",
        ["ge_vingmed_cine_jpegxl_27f.dcm"] = "(1.2.840.10008.1.2.4.111) cannot be cleaned",
        ["nema_us1_jpeg2000_lossless.dcm"] = "no known image area for G.E. Medical Systems LOGIQ 700 640x480",
        ["palette_cine_jpegls_10f.dcm"] = "no known image area for ACME Products (unnamed) 600x430",
        ["palette_cine_rle_10f.dcm"] = "no known image area for ACME Products (unnamed) 600x430",
        ["philips_epiq_jpeg_lossless_sv1.dcm"] = "(1.2.840.10008.1.2.4.70) cannot be cleaned",
        ["retired_us_sop_rgb_exvrle.dcm"] = "no known image area for Acme Products (unnamed) 256x120",
    };

    private static string SkipCorpus()
    {
        Assert.Skip("shared/dicom-corpus was not found above the test folder.");
        return string.Empty;
    }

    private static IEnumerable<string> Parse(string output)
    {
        if (!Tool.Exists("dcmdump"))
        {
            yield break;
        }

        var (exit, text) = Tool.Run("dcmdump", "-q", "-M", output);
        if (exit != 0)
        {
            yield return $"dcmdump cannot parse the output: {text.Trim()}";
        }
    }

    private static IEnumerable<string> NewValidatorErrors(string source, string output)
    {
        if (!Tool.Exists("dciodvfy"))
        {
            return [];
        }

        var before = Tool.Run("dciodvfy", source);
        var after = Tool.Run("dciodvfy", output);
        if (before.ExitCode >= 128 || after.ExitCode >= 128)
        {
            return []; // dciodvfy crashed (it does on some inputs): not counted against the file
        }

        return Errors(after.Output).Except(Errors(before.Output)).Select(e => $"new dciodvfy error: {e}");
    }

    private static HashSet<string> Errors(string output) =>
        [.. output.Split('\n').Where(l => ErrorLine().IsMatch(l)).Select(l => l.Trim())];

    /// <summary>The source's names, IDs, birth date, instance UIDs and institution, looked up in dcmdump's full print of the output.</summary>
    private static IEnumerable<string> IdentityLeft(string source, string output)
    {
        if (!Tool.Exists("dcmdump"))
        {
            yield break;
        }

        var original = DicomFile.Open(source).Dataset;
        var anonymized = DicomFile.Open(output).Dataset;
        var dump = Tool.Run("dcmdump", "-q", "+L", "+U8", output).Output;
        DicomTag[] identifying =
        [
            DicomTags.PatientName, DicomTags.PatientID, DicomTags.PatientBirthDate, DicomTags.OtherPatientIDs, DicomTags.PatientAddress,
            DicomTags.ReferringPhysicianName, DicomTags.PerformingPhysicianName, DicomTags.OperatorsName, DicomTags.InstitutionName,
            DicomTags.InstitutionAddress, DicomTags.AccessionNumber, DicomTags.StudyID, DicomTags.StudyInstanceUID,
            DicomTags.SeriesInstanceUID, DicomTags.SOPInstanceUID, DicomTags.FrameOfReferenceUID, DicomTags.StudyDate,
        ];
        foreach (var tag in identifying)
        {
            var value = original.GetString(tag)?.Trim();
            if (value is { Length: >= 4 } && value != anonymized.GetString(tag)?.Trim() && dump.Contains(value, StringComparison.Ordinal))
            {
                yield return $"the source's {tag} value is still in the output";
            }
        }
    }

    [GeneratedRegex("(^| - )Error - ")]
    private static partial Regex ErrorLine();
}
