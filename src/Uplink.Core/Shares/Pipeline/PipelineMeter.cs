namespace Uplink.Core.Shares.Pipeline;

/// <summary>The meter the pipeline's metrics are on, for an exporter to subscribe to.</summary>
public static class PipelineMeter
{
    /// <summary>The meter's name. Its instruments' names and tags are fixed words and plugin ids, never patient data.</summary>
    public const string Name = "Uplink.Pipeline";
}
