namespace Uplink.Host.Hosting.Logs;

/// <summary>
/// How much the daily log file under the data folder's <c>logs/</c> may keep (<c>Uplink:Logs</c>), so a busy
/// or failing site cannot fill its disk with logs.
/// </summary>
internal sealed class LogOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Uplink:Logs";

    /// <summary>The smallest file size limit accepted: below it a single long event would roll a file.</summary>
    public const long MinimumFileSizeLimitBytes = 1024;

    /// <summary>How many log files are kept; older ones are deleted as new ones start.</summary>
    public int RetainedFileCount { get; set; } = 31;

    /// <summary>The largest a log file grows (bytes).</summary>
    public long FileSizeLimitBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>
    /// At the size limit, start the next file (<c>uplink-DATE_001.log</c>, counted in <see cref="RetainedFileCount"/>);
    /// when false, the day's later events are dropped until the next day's file.
    /// </summary>
    public bool RollOnFileSizeLimit { get; set; } = true;
}
