using Microsoft.Extensions.Configuration;
using Uplink.Plugins.Abstractions;

namespace Uplink.Bench.Upload;

/// <summary>The plugin context the host would give, built from in-memory settings.</summary>
internal sealed class BenchContext(IReadOnlyDictionary<string, string?> settings, string dataDirectory) : IPluginContext
{
    public string PluginId => "bench";

    public IConfiguration Settings { get; } = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

    public string DataDirectory { get; } = dataDirectory;

    public TimeProvider Time => TimeProvider.System;
}
