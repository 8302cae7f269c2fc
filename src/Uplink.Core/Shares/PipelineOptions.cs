using System.ComponentModel.DataAnnotations;

namespace Uplink.Core.Shares;

/// <summary>Settings of the share pipeline (section <c>Uplink:Pipeline</c>; the data folder defaults to Uplink's).</summary>
internal sealed class PipelineOptions
{
    /// <summary>Uplink's data folder: the SQLite store, the recipient key file and the spool live here.</summary>
    [Required]
    public string DataDirectory { get; set; } = string.Empty;

    /// <summary>How many images are worked on at the same time.</summary>
    [Range(1, 64)]
    public int MaxParallelism { get; set; } = Math.Max(2, Environment.ProcessorCount);

    /// <summary>How long a worker owns an image or share before another may take it over.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The first retry delay; each further attempt doubles it, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest retry delay.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often idle workers look for work whose retry time has come.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often fetching or anonymizing may fail unexpectedly before the image is failed for good.</summary>
    [Range(1, 100)]
    public int MaxProcessingAttempts { get; set; } = 5;
}
