using System.CommandLine;

namespace Uplink.Host.Commands;

/// <summary>Options that several verbs share, so they read and explain the same everywhere.</summary>
internal static class CommonOptions
{
    /// <summary><c>--config FILE</c>.</summary>
    /// <returns>A new option (each command owns its own instance).</returns>
    public static Option<string> Config() => new("--config")
    {
        Description = "The configuration file that 'uplink setup' wrote (default: the platform's Uplink folder).",
        HelpName = "FILE",
    };

    /// <summary><c>--plugins DIR</c>.</summary>
    /// <returns>A new option.</returns>
    public static Option<string> Plugins() => new("--plugins")
    {
        Description = "The plugins folder to load from (default: the configuration's, else the one beside the binary).",
        HelpName = "DIR",
    };
}
