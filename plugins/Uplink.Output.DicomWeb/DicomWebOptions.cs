using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Uplink.Plugins.Shared.Settings;

namespace Uplink.Output.DicomWeb;

/// <summary>The STOW-RS output's settings (the plugin's <c>Settings</c> section). Secrets never appear in <see cref="ToString"/>.</summary>
internal sealed record DicomWebOptions
{
    /// <summary>How setting errors and reasons name this output.</summary>
    public const string Owner = "DICOMweb";

    /// <summary>The DICOMweb base, e.g. <c>https://pacs.example/dicom-web</c>; instances go to <c>{BaseUrl}/studies</c>.</summary>
    [Required]
    public Uri? BaseUrl { get; init; }

    /// <summary>Basic auth user name (with <see cref="Password"/>).</summary>
    public string? Username { get; init; }

    /// <summary>Basic auth password.</summary>
    public string? Password { get; init; }

    /// <summary>A Bearer token, instead of Basic auth.</summary>
    public string? BearerToken { get; init; }

    /// <summary>Allow plain http to a host other than loopback (a PACS on a closed LAN); off by default.</summary>
    public bool AllowPlainHttp { get; init; }

    /// <summary>The STOW-RS endpoint, <c>{BaseUrl}/studies</c>.</summary>
    public Uri StudiesEndpoint => new($"{BaseUrl!.ToString().TrimEnd('/')}/studies");

    /// <summary>Binds and validates the settings; errors name the setting, never a secret's value.</summary>
    /// <param name="settings">The plugin's settings section.</param>
    /// <returns>The validated options.</returns>
    /// <exception cref="ValidationException">A setting is missing or wrong.</exception>
    public static DicomWebOptions Bind(IConfiguration settings)
    {
        var options = PluginSettings.Bind(settings, new DicomWebOptions(), Owner);
        var url = options.BaseUrl!;
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && !(url.Scheme == Uri.UriSchemeHttp && (url.IsLoopback || options.AllowPlainHttp))))
        {
            throw PluginSettings.Invalid(Owner, nameof(BaseUrl), $"must be an https:// URL (plain http only to loopback, or with 'AllowPlainHttp'); got '{url}'.");
        }

        if (options.BearerToken is not null && options.Username is not null)
        {
            throw PluginSettings.Invalid(Owner, nameof(BearerToken), "and 'Username' are exclusive: choose Bearer or Basic auth.");
        }

        if ((options.Username is null) != (options.Password is null))
        {
            throw PluginSettings.Invalid(Owner, options.Username is null ? nameof(Username) : nameof(Password), "is missing: 'Username' and 'Password' go together.");
        }

        return options;
    }

    /// <summary>Names the endpoint and the kind of auth, never a secret.</summary>
    /// <returns>A description safe to log.</returns>
    public override string ToString() =>
        $"DicomWebOptions {{ BaseUrl = {BaseUrl}, Auth = {(BearerToken is not null ? "Bearer" : Username is not null ? "Basic" : "none")} }}";
}
