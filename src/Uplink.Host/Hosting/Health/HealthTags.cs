namespace Uplink.Host.Hosting.Health;

/// <summary>Which endpoint runs a health check.</summary>
internal static class HealthTags
{
    /// <summary>Run by <c>/health/live</c>: the process serves.</summary>
    public const string Live = "live";

    /// <summary>Run by <c>/health/ready</c>: shares can go out.</summary>
    public const string Ready = "ready";
}
