using Microsoft.Extensions.Configuration;
using Uplink.Plugins.Abstractions;

namespace Uplink.Host.Commands;

/// <summary>The context a profile plugin gets when a command loads it outside the service: no settings, a scratch folder.</summary>
internal sealed class ProfilesPluginContext(string pluginId, TimeProvider time) : IPluginContext
{
    /// <inheritdoc />
    public string PluginId { get; } = pluginId;

    /// <inheritdoc />
    public IConfiguration Settings { get; } = new ConfigurationBuilder().Build();

    /// <inheritdoc />
    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("uplink-plugin-").FullName;

    /// <inheritdoc />
    public TimeProvider Time { get; } = time;
}
