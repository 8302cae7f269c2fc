using Microsoft.Extensions.Configuration;
using Uplink.Plugins.Abstractions;

namespace Uplink.Plugins.Tests.Support;

/// <summary>A plugin context built from in-memory settings, as the host would hand it over.</summary>
internal sealed class TestPluginContext(string pluginId, IReadOnlyDictionary<string, string?> settings, string dataDirectory, TimeProvider? time = null) : IPluginContext
{
    public string PluginId { get; } = pluginId;

    public IConfiguration Settings { get; } = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

    public string DataDirectory { get; } = dataDirectory;

    public TimeProvider Time { get; } = time ?? TimeProvider.System;
}
