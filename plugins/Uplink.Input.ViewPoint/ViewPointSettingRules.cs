using System.Net;

namespace Uplink.Input.ViewPoint;

/// <summary>
/// The one place ViewPoint's settings are judged: when the plugin is configured (a wrong setting refuses the
/// plugin with this line instead of failing each time the supervisor restarts the input), by its setup check,
/// and by the input itself as it starts. Each problem names the setting and the fix, never a key.
/// </summary>
internal static class ViewPointSettingRules
{
    /// <summary>The shortest API key accepted (the generated one is 43 characters).</summary>
    public const int MinimumKeyLength = 32;

    /// <summary>The first problem with the settings, or null when the input can run with them.</summary>
    /// <param name="options">The bound settings.</param>
    /// <returns>One line naming the setting and the fix, or null.</returns>
    public static string? Problem(ViewPointOptions options) =>
        ListenProblem(options) ?? KeyProblem(options) ?? ImageRootProblem(options.ImageRoot);

    /// <summary>What is wrong with <see cref="ViewPointOptions.Listen"/> and its certificate, or null.</summary>
    /// <param name="options">The settings.</param>
    /// <returns>The problem, or null.</returns>
    public static string? ListenProblem(ViewPointOptions options)
    {
        if (ParseListen(options.Listen) is not { } listen)
        {
            return $"The ViewPoint Listen setting '{options.Listen}' is not an http:// or https:// URL with an IP address (or localhost) and a port, such as http://127.0.0.1:8640.";
        }

        var https = listen.Scheme == Uri.UriSchemeHttps;
        if (!IPAddress.IsLoopback(ListenAddress(listen)) && !https)
        {
            return $"The ViewPoint API is set to listen on {listen}, which is not loopback: use an https:// Listen URL with CertificatePath (and CertificatePassword).";
        }

        if (https && string.IsNullOrEmpty(options.CertificatePath))
        {
            return $"The ViewPoint API is set to listen on {listen} over HTTPS: set CertificatePath (and CertificatePassword).";
        }

        return https && !File.Exists(options.CertificatePath)
            ? $"The ViewPoint CertificatePath {options.CertificatePath} does not exist."
            : null;
    }

    /// <summary>What is wrong with the API key settings, or null.</summary>
    /// <param name="options">The settings.</param>
    /// <returns>The problem, or null.</returns>
    public static string? KeyProblem(ViewPointOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.ApiKey))
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(options.ApiKeyFile))
        {
            return "The ViewPoint input has no API key: run 'uplink setup' to seal one (ApiKey), or set ApiKeyFile.";
        }

        if (!File.Exists(options.ApiKeyFile))
        {
            return $"The ViewPoint input's API key file {options.ApiKeyFile} does not exist; run 'uplink setup' to seal a key (ApiKey) instead.";
        }

        return File.ReadAllText(options.ApiKeyFile).Trim().Length == 0 ? $"The ViewPoint input's API key file {options.ApiKeyFile} is empty." : null;
    }

    /// <summary>What is wrong with an image store setting, or null.</summary>
    /// <param name="imageRoot">The configured <see cref="ViewPointOptions.ImageRoot"/>.</param>
    /// <returns>The problem, or null.</returns>
    public static string? ImageRootProblem(string? imageRoot) =>
        string.IsNullOrWhiteSpace(imageRoot) ? "The ViewPoint ImageRoot setting is empty: set it to ViewPoint's image store (uplink setup --setting Uplink.Input.ViewPoint:ImageRoot=DIR)."
        : !Path.IsPathFullyQualified(imageRoot) ? $"The ViewPoint ImageRoot setting '{imageRoot}' is not a full path to ViewPoint's image store."
        : null;

    /// <summary>The listen URL, parsed.</summary>
    /// <param name="listen">The setting.</param>
    /// <returns>The URL, or null when it is not usable.</returns>
    public static Uri? ParseListen(string? listen) =>
        Uri.TryCreate(listen, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            && (uri.Host == "localhost" || IPAddress.TryParse(uri.Host, out _)) && uri.AbsolutePath == "/"
            ? uri
            : null;

    /// <summary>The address a parsed listen URL binds.</summary>
    /// <param name="listen">A URL <see cref="ParseListen"/> accepted.</param>
    /// <returns>The IP address.</returns>
    public static IPAddress ListenAddress(Uri listen) => listen.Host is "localhost" ? IPAddress.Loopback : IPAddress.Parse(listen.Host);
}
