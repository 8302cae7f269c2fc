using Microsoft.Extensions.Configuration;
using Uplink.Core.Configuration;
using Uplink.Core.Plugins;

namespace Uplink.Core.Site;

/// <summary>A site's configuration file, read by <see cref="SiteFolder.ReadConfiguration"/>.</summary>
/// <param name="Path">The configuration file (absolute).</param>
/// <param name="Root">Its contents, sealed settings opened.</param>
/// <param name="Options">The bound <c>Uplink</c> section, paths resolved against the file's folder.</param>
/// <param name="Selection">The plugin selection the options make.</param>
public sealed record SiteConfiguration(string Path, IConfigurationRoot Root, UplinkOptions Options, PluginSelection Selection);
