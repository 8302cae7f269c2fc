using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Uplink.Plugins.Shared.Settings;

namespace Uplink.Output.Folder;

/// <summary>The folder output's settings (the plugin's <c>Settings</c> section).</summary>
internal sealed record FolderOutputOptions
{
    /// <summary>How setting errors name this output.</summary>
    public const string Owner = "Folder output";

    /// <summary>The folder that receives <c>{Study}/{Series}/{SOP}.dcm</c>; created when missing.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Root { get; init; } = string.Empty;

    /// <summary>Binds and validates the settings; a missing or relative root is refused with its name.</summary>
    /// <param name="settings">The plugin's settings section.</param>
    /// <returns>The validated options.</returns>
    /// <exception cref="ValidationException">A setting is missing or wrong.</exception>
    public static FolderOutputOptions Bind(IConfiguration settings)
    {
        var options = PluginSettings.Bind(settings, new FolderOutputOptions(), Owner);
        if (!Path.IsPathFullyQualified(options.Root))
        {
            throw PluginSettings.Invalid(Owner, nameof(Root), $"must be an absolute path; got '{options.Root}'.");
        }

        if (File.Exists(options.Root))
        {
            throw PluginSettings.Invalid(Owner, nameof(Root), $"names a file, not a folder: '{options.Root}'.");
        }

        return options;
    }
}
