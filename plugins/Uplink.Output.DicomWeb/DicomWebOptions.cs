using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace Uplink.Output.DicomWeb;

/// <summary>The STOW-RS output's settings (the plugin's <c>Settings</c> section). Secrets never appear in <see cref="ToString"/>.</summary>
internal sealed record DicomWebOptions
{
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

    /// <summary>The most bytes of files in one STOW request; a single larger file goes alone.</summary>
    [Range(1024, long.MaxValue)]
    public long MaxBatchBytes { get; init; } = 32 * 1024 * 1024;

    /// <summary>The most instances in one STOW request.</summary>
    [Range(1, 10_000)]
    public int MaxBatchInstances { get; init; } = 50;

    /// <summary>The budget of one request attempt.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Retries of one request after a 5xx, 408, 429, a timeout or a dropped connection, before the host takes over.</summary>
    [Range(0, 10)]
    public int MaxRetryAttempts { get; init; } = 3;

    /// <summary>The first back-off delay; it doubles per attempt, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How long the circuit stays open after repeated failures.</summary>
    public TimeSpan BreakDuration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How many requests in the sampling window before the breaker may open.</summary>
    [Range(2, 1000)]
    public int BreakerMinimumThroughput { get; init; } = 8;

    /// <summary>The STOW-RS endpoint, <c>{BaseUrl}/studies</c>.</summary>
    public Uri StudiesEndpoint => new($"{BaseUrl!.ToString().TrimEnd('/')}/studies");

    /// <summary>Binds and validates the settings; errors name the setting, never a secret's value.</summary>
    /// <param name="settings">The plugin's settings section.</param>
    /// <returns>The validated options.</returns>
    /// <exception cref="ValidationException">A setting is missing or wrong.</exception>
    public static DicomWebOptions Bind(IConfiguration settings)
    {
        var options = settings.Get<DicomWebOptions>() ?? new DicomWebOptions();
        Validator.ValidateObject(options, new ValidationContext(options), validateAllProperties: true);
        var url = options.BaseUrl!;
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && !(url.Scheme == Uri.UriSchemeHttp && (url.IsLoopback || options.AllowPlainHttp))))
        {
            throw new ValidationException($"DICOMweb setting 'BaseUrl' must be an https:// URL (plain http only to loopback, or with 'AllowPlainHttp'); got '{url}'.");
        }

        if (options.BearerToken is not null && options.Username is not null)
        {
            throw new ValidationException("DICOMweb settings 'BearerToken' and 'Username' are exclusive: choose Bearer or Basic auth.");
        }

        if ((options.Username is null) != (options.Password is null))
        {
            throw new ValidationException("DICOMweb settings 'Username' and 'Password' go together.");
        }

        return options;
    }

    /// <summary>Names the endpoint and the kind of auth, never a secret.</summary>
    /// <returns>A description safe to log.</returns>
    public override string ToString() =>
        $"DicomWebOptions {{ BaseUrl = {BaseUrl}, Auth = {(BearerToken is not null ? "Bearer" : Username is not null ? "Basic" : "none")} }}";

    /// <summary>The settings of the shared upload resilience pipeline.</summary>
    /// <returns>Retries, back-off, breaker and per-attempt timeout from these options.</returns>
    public Uplink.Plugins.Shared.Http.UploadResilienceSettings ToResilienceSettings() =>
        new(MaxRetryAttempts, RetryBaseDelay, BreakerMinimumThroughput, BreakDuration, RequestTimeout);
}
