using System.Globalization;
using Uplink.Core.Anonymization;
using Uplink.Plugins.Abstractions.Profiles;

namespace Uplink.Host.Commands.Anonymize;

/// <summary>The summary <c>uplink anonymize</c> prints: totals, throughput, and every file not anonymized with its reason.</summary>
internal static class AnonymizeSummary
{
    private const double Megabyte = 1_000_000d;

    /// <summary>Prints the summary.</summary>
    public static async Task WriteAsync(ConsoleOutput console, ProfileDescriptor descriptor, IReadOnlyList<AnonymizeInput> inputs, IReadOnlyList<InstanceResult> results, double seconds, string reportPath)
    {
        var count = (AnonymizationDisposition d) => results.Count(r => r.Disposition == d);
        var kept = count(AnonymizationDisposition.KeptNonDicom) is > 0 and var n ? $"{n} non-DICOM kept as they came (to be sent password protected), " : string.Empty;
        var bytes = inputs.Sum(i => new FileInfo(i.SourcePath).Length);
        var rate = seconds > 0 ? string.Create(CultureInfo.InvariantCulture, $"{results.Count / seconds:F1} files/s, {bytes / Megabyte / seconds:F1} MB/s") : "-";
        for (var i = 0; i < results.Count; i++)
        {
            if (results[i].Disposition != AnonymizationDisposition.Anonymized)
            {
                await console.Out.WriteLineAsync($"{results[i].Disposition,-10} {inputs[i].RelativePath}: {results[i].Reason}").ConfigureAwait(false);
            }
        }

        await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{descriptor.Id} {descriptor.Version}: {count(AnonymizationDisposition.Anonymized)} anonymized and verified, {count(AnonymizationDisposition.Discarded)} discarded, {kept}{count(AnonymizationDisposition.SetAside)} set aside, of {results.Count} files ({bytes / Megabyte:F1} MB) in {seconds:F2} s ({rate}). Report: {reportPath}")).ConfigureAwait(false);
    }
}
