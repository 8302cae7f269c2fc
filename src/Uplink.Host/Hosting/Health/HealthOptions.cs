namespace Uplink.Host.Hosting.Health;

/// <summary>When the host stops calling itself ready (<c>Uplink:Health</c>).</summary>
internal sealed class HealthOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Uplink:Health";

    /// <summary>How long every output must have been failing before <c>/health/ready</c> says unhealthy.</summary>
    public TimeSpan OutputDownAfter { get; set; } = TimeSpan.FromMinutes(15);
}
