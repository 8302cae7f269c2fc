namespace Uplink.Plugins.Abstractions.Setup;

/// <summary>The outcome of <see cref="IPluginSetup.CheckAsync"/> (contracts 1.3): it works, or one clear line why not.</summary>
public sealed record SetupCheck
{
    private SetupCheck(bool isOk, string message)
    {
        IsOk = isOk;
        Message = message;
    }

    /// <summary>True when the connection or credentials work.</summary>
    public bool IsOk { get; }

    /// <summary>One line for the installer, for example what answered and how; never a secret.</summary>
    public string Message { get; }

    /// <summary>The check passed.</summary>
    /// <param name="message">What answered, for example <c>Tricefy accepted the credentials at URL (200).</c></param>
    /// <returns>The outcome.</returns>
    public static SetupCheck Ok(string message) => new(true, Required(message));

    /// <summary>The check failed.</summary>
    /// <param name="message">Why, clearly enough to fix it, for example <c>Tricefy answered 401: the e-mail or API token is wrong.</c></param>
    /// <returns>The outcome.</returns>
    public static SetupCheck Failed(string message) => new(false, Required(message));

    private static string Required(string message)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        return message;
    }
}
