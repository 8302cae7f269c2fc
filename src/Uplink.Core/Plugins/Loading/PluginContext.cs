using Microsoft.Extensions.Configuration;
using Uplink.Plugins.Abstractions;

namespace Uplink.Core.Plugins.Loading;

/// <summary>What the host hands a plugin when it configures it.</summary>
/// <param name="PluginId">The plugin id.</param>
/// <param name="Settings">The plugin's settings section.</param>
/// <param name="DataDirectory">The plugin's own data folder (created).</param>
/// <param name="Time">The host's clock.</param>
internal sealed record PluginContext(string PluginId, IConfiguration Settings, string DataDirectory, TimeProvider Time) : IPluginContext;
