using Microsoft.Extensions.Logging;
using Uplink.Core.Plugins.Loading;

namespace Uplink.Core.Plugins;

/// <summary>The services the plugin host needs: the loader seam, logging and the clock.</summary>
/// <param name="Loader">Loads plugin assemblies into their own contexts.</param>
/// <param name="LoggerFactory">The host's logger factory (plugins log through it too).</param>
/// <param name="Time">The host's clock.</param>
internal sealed record PluginHostServices(IPluginAssemblyLoader Loader, ILoggerFactory LoggerFactory, TimeProvider Time);
