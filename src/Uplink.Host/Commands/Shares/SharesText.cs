using System.Globalization;
using Uplink.Core.Shares.Administration;

namespace Uplink.Host.Commands.Shares;

/// <summary><c>uplink shares list</c> and <c>show</c> as text: one line per share or image, times in UTC.</summary>
internal static class SharesText
{
    /// <summary>Writes the listed shares.</summary>
    /// <param name="output">Where to write.</param>
    /// <param name="shares">The shares, newest first.</param>
    public static void WriteList(TextWriter output, IReadOnlyList<ShareSummary> shares)
    {
        if (shares.Count == 0)
        {
            output.WriteLine("No share has been received.");
            return;
        }

        foreach (var share in shares)
        {
            output.WriteLine(Line(share));
        }
    }

    /// <summary>Writes one share and its images.</summary>
    /// <param name="output">Where to write.</param>
    /// <param name="detail">The share.</param>
    public static void WriteDetail(TextWriter output, ShareDetail detail)
    {
        output.WriteLine(Line(detail.Share));
        var ended = detail.Share.CompletedAt is { } at ? $"ended {Time(at)}" : "open";
        output.WriteLine($"  {ended}; handed off to: {(detail.HandedOffTo.Count == 0 ? "none yet" : string.Join(", ", detail.HandedOffTo))}");
        foreach (var image in detail.Images)
        {
            var delivered = image.Deliveries.Count == 0 ? "none" : string.Join(", ", image.Deliveries.Select(d => $"{d.OutputId} {Time(d.DeliveredAt)}"));
            output.WriteLine($"  image {image.Position,-3} {image.State,-10} attempts {image.Attempts}  delivered to: {delivered}");
            if (image.Reason is { } reason)
            {
                output.WriteLine($"      reason: {reason}");
            }

            if (image.LastError is { } error)
            {
                var where = error.OutputId is null ? error.Stage : $"{error.Stage} to {error.OutputId}";
                output.WriteLine($"      last error: {Time(error.At)} {where} {error.Outcome}: {error.Reason ?? "(no reason recorded)"}");
            }
        }
    }

    private static string Line(ShareSummary share)
    {
        var counts = string.Join(", ", share.ImagesByState.Select(c => $"{c.Key} {c.Value}"));
        var reason = share.Reason is null ? string.Empty : $"  ({share.Reason})";
        return $"{Time(share.CreatedAt)}  {share.ShareId}  {share.State,-9}  exam #{share.ExamIdHash}  {share.ImageCount} image(s): {counts}{reason}";
    }

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
