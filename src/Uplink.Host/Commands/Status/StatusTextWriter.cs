using System.Globalization;
using Uplink.Core.Shares.Store;
using Uplink.Plugins.Abstractions.Inputs;

namespace Uplink.Host.Commands.Status;

/// <summary><c>uplink status</c> as text: one block per figure, the unfinished states first.</summary>
internal static class StatusTextWriter
{
    /// <summary>Writes the status.</summary>
    /// <param name="output">Where to write.</param>
    /// <param name="status">The status.</param>
    /// <param name="dataDirectory">The data folder it was read from.</param>
    public static void Write(TextWriter output, StoreStatus status, string dataDirectory)
    {
        output.WriteLine($"Uplink status at {Time(status.At)} (data folder {dataDirectory})");
        output.WriteLine();
        output.WriteLine("Images      count  waiting since");
        var images = status.Images.ToDictionary(c => c.State, StringComparer.Ordinal);
        foreach (var state in Enum.GetValues<ImageState>())
        {
            var count = images.GetValueOrDefault(StateNames.Of(state));
            output.WriteLine($"  {StateNames.Of(state),-10}{count?.Count ?? 0,5}  {(!StoreStatus.IsUnfinished(state) ? string.Empty : Age(count, status.At))}".TrimEnd());
        }

        output.WriteLine();
        output.WriteLine($"Shares      {string.Join(", ", status.Shares.Select(c => $"{c.State} {c.Count}").DefaultIfEmpty("none"))}");
        output.WriteLine($"Last hour   {status.LastHour.SharesReceived} share(s) received, {status.LastHour.SharesCompleted} completed, {status.LastHour.ImagesSent} image(s) sent");
        output.WriteLine();
        if (status.Problems.Count == 0)
        {
            output.WriteLine("No image is set aside or failed.");
            return;
        }

        output.WriteLine($"Set aside or failed (newest first, {status.Problems.Count} shown):");
        foreach (var problem in status.Problems)
        {
            var at = problem.At is { } ms ? Time(ms) : "(no attempt)";
            output.WriteLine($"  {at}  share {problem.ShareId} image {problem.Position}  exam #{problem.ExamIdHash}  {problem.State}: {problem.Reason ?? "(no reason recorded)"}");
        }
    }

    private static string Age(StateCount? count, long now)
    {
        if (count?.OldestSince is not { } since)
        {
            return "-";
        }

        var age = TimeSpan.FromMilliseconds(now - since);
        return age.TotalDays >= 1 ? $"{(int)age.TotalDays}d {age.Hours}h"
            : age.TotalHours >= 1 ? $"{(int)age.TotalHours}h {age.Minutes}m"
            : age.TotalMinutes >= 1 ? $"{(int)age.TotalMinutes}m {age.Seconds}s"
            : $"{age.Seconds}s";
    }

    private static string Time(long unixMilliseconds) =>
        DateTimeOffset.FromUnixTimeMilliseconds(unixMilliseconds).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
