using System.Globalization;

namespace Uplink.Bench.Upload;

/// <summary>One timed configuration: the median over runs of the wall time and, when the server reports it, of its handling time.</summary>
internal sealed record Measurement(string Target, string Sender, WorkSet Set, IReadOnlyList<TimeSpan> Walls, IReadOnlyList<TimeSpan> ServerTimes)
{
    public TimeSpan Wall => Median(Walls);

    public static TimeSpan Median(IReadOnlyList<TimeSpan> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? TimeSpan.Zero : sorted[sorted.Length / 2];
    }

    public string Row(Measurement? floor)
    {
        var seconds = Wall.TotalSeconds;
        var server = ServerTimes.Count > 0 ? $"{Median(ServerTimes).TotalSeconds:0.000}" : "n/a";
        var overhead = floor is null ? "(floor)" : $"{(Wall - floor.Wall).TotalMilliseconds / Set.Instances.Count:+0.00;-0.00} ms/inst ({Wall / floor.Wall:0.00}x)";
        var spread = $"[{Walls.Min().TotalSeconds:0.000}-{Walls.Max().TotalSeconds:0.000}]";
        return string.Create(CultureInfo.InvariantCulture,
            $"| {Set.Name} ({Set.Instances.Count} x {Set.Bytes / Set.Instances.Count / 1024} KiB) | {Target} | {Sender} | {seconds:0.000} {spread} | {Set.Instances.Count / seconds:0.0} | {Set.Bytes / 1e6 / seconds:0.0} | {server} | {overhead} |");
    }
}
