using Uplink.Core.Configuration;

namespace Uplink.Host.Commands.Setup;

/// <summary>What setup will write: the expert code, the configuration file, the data and plugins folders.</summary>
/// <param name="Code">The chosen expert code.</param>
/// <param name="ConfigPath">The configuration file.</param>
/// <param name="DataDirectory">The data folder.</param>
/// <param name="PluginsDirectory">The plugins folder, or null for the default beside the binary.</param>
internal sealed record SetupChoice(ExpertCode Code, string ConfigPath, string DataDirectory, string? PluginsDirectory);
