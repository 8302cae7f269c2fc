using System.Text.RegularExpressions;
using Uplink.Core.Anonymization;
using Uplink.Dicom;
using Uplink.Plugins.Abstractions.Profiles;
using Uplink.Plugins.Tests.Profiles.Support;

namespace Uplink.Plugins.Tests.Profiles;

/// <summary>The whole shared corpus through Anon-LPU-O, checked with the real peers: dcmdump and dciodvfy.</summary>
public sealed partial class CorpusThroughAnonLpuOTests : IDisposable
{
    private readonly ProfileHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public void Every_output_parses_gains_no_validator_error_and_carries_none_of_the_sources_identity()
    {
        var corpus = Uplink.Tests.Shared.RepositoryLayout.Shared("dicom-corpus") ?? SkipCorpus();
        var files = Directory.GetFiles(corpus, "*.dcm", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var results = files.Select(f => (Source: f, Run: _harness.Run("Anon-LPU-O", f, Path.GetRelativePath(corpus, f)))).ToList();

        var anonymized = results.Where(r => r.Run.Result.Disposition == AnonymizationDisposition.Anonymized).ToList();
        string[] ultrasoundClasses = ["1.2.840.10008.5.1.4.1.1.6.1", "1.2.840.10008.5.1.4.1.1.6", "1.2.840.10008.5.1.4.1.1.3.1"];
        var ultrasound = results.Where(r => Path.GetRelativePath(corpus, r.Source).StartsWith("us/", StringComparison.Ordinal)
            && ultrasoundClasses.Contains(DicomFile.Open(r.Source).Dataset.GetString(DicomTags.SOPClassUID))).ToList();
        Assert.True(ultrasound.Count >= 16, $"the corpus has {ultrasound.Count} ultrasound images");
        Assert.All(ultrasound, r => Assert.True(r.Run.Result.Disposition == AnonymizationDisposition.Anonymized, $"{r.Source}: {r.Run.Result.Reason}"));
        Assert.All(results.Where(r => r.Run.Result.Disposition != AnonymizationDisposition.Anonymized), r => Assert.False(File.Exists(r.Run.OutputPath)));
        var problems = new List<string>();
        foreach (var (source, (_, output)) in anonymized)
        {
            problems.AddRange(Parse(output).Concat(NewValidatorErrors(source, output)).Concat(IdentityLeft(source, output)).Select(p => $"{Path.GetRelativePath(corpus, source)}: {p}"));
        }

        Assert.Empty(problems);
    }

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
