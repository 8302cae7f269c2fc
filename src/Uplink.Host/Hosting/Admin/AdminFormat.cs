using System.Globalization;

namespace Uplink.Host.Hosting.Admin;

/// <summary>How the admin page writes times and ages: UTC, to the second, and ages in their largest two units.</summary>
internal static class AdminFormat
{
    /// <summary>A time, in UTC.</summary>
    /// <param name="unixMilliseconds">Unix milliseconds, or null.</param>
    /// <returns>For example <c>2026-12-06 07:01:02 UTC</c>, or a dash.</returns>
    public static string Time(long? unixMilliseconds) => unixMilliseconds is { } ms
        ? DateTimeOffset.FromUnixTimeMilliseconds(ms).ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture)
        : "–";

    /// <summary>How long ago something happened.</summary>
    /// <param name="since">Unix milliseconds, or null.</param>
    /// <param name="now">Now, in Unix milliseconds.</param>
    /// <returns>For example <c>3 min 12 s</c>, or a dash.</returns>
    public static string Age(long? since, long now)
    {
        if (since is not { } start)
        {
            return "–";
        }

        var age = TimeSpan.FromMilliseconds(Math.Max(0, now - start));
        return age switch
        {
            { TotalDays: >= 1 } => string.Create(CultureInfo.InvariantCulture, $"{(int)age.TotalDays} d {age.Hours} h"),
            { TotalHours: >= 1 } => string.Create(CultureInfo.InvariantCulture, $"{(int)age.TotalHours} h {age.Minutes} min"),
            { TotalMinutes: >= 1 } => string.Create(CultureInfo.InvariantCulture, $"{(int)age.TotalMinutes} min {age.Seconds} s"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{age.Seconds} s"),
        };
    }
}
