namespace Uplink.Plugins.Abstractions.Setup;

/// <summary>
/// One setting <c>uplink setup</c> asks an installer for (contracts 1.3). A plain setting is written into the
/// plugin's section of the configuration; a sealed one (a token, a key) is sealed into the data folder's secrets
/// and the configuration holds only a reference, and it never comes from the command line, where other users
/// could see it: an unattended install passes it in <see cref="EnvironmentVariable"/>.
/// </summary>
public sealed record SetupSetting
{
    private readonly Func<string, string?>? _validate;

    private SetupSetting(string key, string prompt, bool isSealed, string? environmentVariable, Func<string, string?>? validate)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(prompt);
        Key = key;
        Prompt = prompt;
        IsSealed = isSealed;
        EnvironmentVariable = environmentVariable;
        _validate = validate;
    }

    /// <summary>The setting's key in the plugin's settings section, for example <c>Email</c>.</summary>
    public string Key { get; }

    /// <summary>What the installer is asked, for example <c>The Tricefy account's e-mail</c>.</summary>
    public string Prompt { get; }

    /// <summary>True when the value is a secret: sealed at rest, never printed, never taken from the command line.</summary>
    public bool IsSealed { get; }

    /// <summary>The environment variable an unattended install passes a sealed value in; null for a plain setting.</summary>
    public string? EnvironmentVariable { get; }

    /// <summary>False when the installer may leave the setting out (the configuration's value, if any, stays).</summary>
    public bool IsRequired { get; init; } = true;

    /// <summary>
    /// True when setup makes a random value (32 random bytes, base64url) if the installer gives none and none is
    /// configured: a key the plugin's peer must present, for example.
    /// </summary>
    public bool IsGenerated { get; init; }

    /// <summary>A plain setting, written into the configuration as given.</summary>
    /// <param name="key">The key in the plugin's settings section.</param>
    /// <param name="prompt">What the installer is asked.</param>
    /// <param name="validate">Returns why a value is wrong (naming the setting, never quoting a secret), or null when it is right.</param>
    /// <returns>The setting.</returns>
    public static SetupSetting Plain(string key, string prompt, Func<string, string?>? validate = null) =>
        new(key, prompt, isSealed: false, environmentVariable: null, validate);

    /// <summary>A sealed setting: a secret that is sealed at rest and passed to setup in an environment variable.</summary>
    /// <param name="key">The key in the plugin's settings section.</param>
    /// <param name="prompt">What the installer is asked.</param>
    /// <param name="environmentVariable">Where an unattended install passes the value, for example <c>UPLINK_TRICEFY_TOKEN</c>.</param>
    /// <param name="validate">Returns why a value is wrong (never quoting it), or null when it is right.</param>
    /// <returns>The setting.</returns>
    public static SetupSetting Sealed(string key, string prompt, string environmentVariable, Func<string, string?>? validate = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(environmentVariable);
        return new(key, prompt, isSealed: true, environmentVariable, validate);
    }

    /// <summary>Checks a value the installer gave.</summary>
    /// <param name="value">The value, trimmed.</param>
    /// <returns>Why it is wrong, or null when it is right (always null without a validation).</returns>
    public string? Validate(string value) => _validate?.Invoke(value);
}
