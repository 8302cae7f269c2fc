using Microsoft.Extensions.Configuration;

namespace Uplink.Plugins.Abstractions;

/// <summary>What the host gives a plugin when it configures it.</summary>
public interface IPluginContext
{
    /// <summary>The plugin id from its manifest.</summary>
    string PluginId { get; }

    /// <summary>The plugin's own settings section from the active configuration (may be empty).</summary>
    IConfiguration Settings { get; }

    /// <summary>A folder the plugin may write state into; it exists and belongs to this plugin only.</summary>
    string DataDirectory { get; }

    /// <summary>The host's clock. Plugins never read the system clock directly.</summary>
    TimeProvider Time { get; }
}
