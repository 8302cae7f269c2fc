using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace Uplink.Plugins.Shared.Settings;

/// <summary>
/// How every output binds and checks its <c>Settings</c> section when the host configures it, compiled into
/// each output (plugins share no code at run time). A bad setting throws one <see cref="ValidationException"/>
/// whose one-line message names the output and the setting, never a value: the host refuses the plugin with it
/// instead of letting it fail on every image.
/// </summary>
internal static class PluginSettings
{
    /// <summary>Binds <paramref name="settings"/> onto <paramref name="options"/> and validates its annotations.</summary>
    /// <typeparam name="T">The options type.</typeparam>
    /// <param name="settings">The plugin's settings section.</param>
    /// <param name="options">A fresh instance holding the defaults; it is filled in place.</param>
    /// <param name="owner">The output's name in messages, for example <c>Tricefy</c>.</param>
    /// <returns><paramref name="options"/>, bound and valid by its annotations.</returns>
    /// <exception cref="ValidationException">A value cannot be read as its type, or breaks an annotation.</exception>
    public static T Bind<T>(IConfiguration settings, T options, string owner)
        where T : class
    {
        try
        {
            settings.Bind(options);
        }
        catch (InvalidOperationException ex)
        {
            // The binder names the key and the type, not the value ("Failed to convert configuration value at 'Port' to type 'System.Int32'").
            throw new ValidationException($"{owner} settings cannot be read: {ex.Message}");
        }

        var failures = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), failures, validateAllProperties: true))
        {
            throw new ValidationException(string.Join(" ", failures.Select(f => $"{owner} setting '{string.Join("', '", f.MemberNames)}': {f.ErrorMessage}")));
        }

        return options;
    }

    /// <summary>The refusal of one setting, in the same one-line form.</summary>
    /// <param name="owner">The output's name in messages.</param>
    /// <param name="setting">The setting's key.</param>
    /// <param name="problem">What is wrong, never quoting a secret.</param>
    /// <returns>The exception to throw.</returns>
    public static ValidationException Invalid(string owner, string setting, string problem) =>
        new($"{owner} setting '{setting}' {problem}");
}
