namespace Uplink.Core.Configuration;

/// <summary>
/// The <c>Uplink</c> section of the configuration file that <c>uplink setup</c> writes. Plugin settings
/// live beside it, one sub-section per plugin id under <c>Uplink:Plugins</c>, handed to each plugin as is.
/// </summary>
public sealed class UplinkOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Uplink";

    /// <summary>The expert code the installer chose.</summary>
    public string ExpertCode { get; set; } = string.Empty;

    /// <summary>The anonymization profile id.</summary>
    public string Profile { get; set; } = string.Empty;

    /// <summary>The plugin that provides the profile.</summary>
    public string ProfilePlugin { get; set; } = string.Empty;

    /// <summary>The active input plugin ids.</summary>
    public List<string> Inputs { get; set; } = [];

    /// <summary>The active output plugin ids.</summary>
    public List<string> Outputs { get; set; } = [];

    /// <summary>The plugins folder; empty means <c>plugins/</c> beside the <c>uplink</c> binary.</summary>
    public string? PluginsDirectory { get; set; }

    /// <summary>The data folder (secrets, trust store, queue, logs); relative paths are relative to the configuration file.</summary>
    public string DataDirectory { get; set; } = string.Empty;

    /// <summary>How failing inputs are restarted.</summary>
    public SupervisionOptions Supervision { get; set; } = new();
}
