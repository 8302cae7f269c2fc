using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Uplink.Plugins.Shared.Http;
using Uplink.Plugins.Shared.Settings;

namespace Uplink.Output.Tricefy;

/// <summary>The Tricefy output's settings (the plugin's <c>Settings</c> section). The token never appears in <see cref="ToString"/>.</summary>
internal sealed record TricefyOptions
{
    /// <summary>How setting errors and reasons name this output.</summary>
    public const string Owner = "Tricefy";

    /// <summary>Tricefy allows 60 s per connection: the longest <see cref="UploadResilienceOptions.RequestTimeout"/>, and its default.</summary>
    public static readonly TimeSpan ConnectionLimit = TimeSpan.FromSeconds(60);

    /// <summary>The upload endpoint: <c>https://tricefy4.com/dicomweb/studies</c> (global) or <c>https://us.tricefy.com/dicomweb/studies</c> (USA).</summary>
    [Required]
    public Uri? Endpoint { get; init; }

    /// <summary>The Tricefy user's e-mail (Basic auth user name).</summary>
    [Required(AllowEmptyStrings = false)]
    public string Email { get; init; } = string.Empty;

    /// <summary>The account API token (Basic auth password), decrypted by the host for this process only.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Token { get; init; } = string.Empty;

    /// <summary>Where the patient-share hand-off goes (see <c>docs/tricefy.md</c>); without it shares are set aside.</summary>
    public Uri? ShareEndpoint { get; init; }

    /// <summary>The largest file Tricefy accepts: "10 MB", read strictly as 10,000,000 bytes.</summary>
    [Range(1024, long.MaxValue)]
    public long MaxFileBytes { get; init; } = 10_000_000;

    /// <summary>Split multi-frame clips over <see cref="MaxFileBytes"/> into parts (on by default for Tricefy).</summary>
    public bool SplitLargeClips { get; init; } = true;

    /// <summary>Binds and validates the settings; errors name the setting, never the token's value.</summary>
    /// <param name="settings">The plugin's settings section.</param>
    /// <returns>The validated options.</returns>
    /// <exception cref="ValidationException">A setting is missing or wrong.</exception>
    public static TricefyOptions Bind(IConfiguration settings)
    {
        var options = PluginSettings.Bind(settings, new TricefyOptions(), Owner);
        EndpointRules.RequireTls(options.Endpoint!, nameof(Endpoint));
        if (options.ShareEndpoint is not null)
        {
            EndpointRules.RequireTls(options.ShareEndpoint, nameof(ShareEndpoint));
        }

        return options;
    }

    /// <summary>Names the endpoint and account, never the token.</summary>
    /// <returns>A description safe to log.</returns>
    public override string ToString() => $"TricefyOptions {{ Endpoint = {Endpoint}, Token = *** }}";
}
