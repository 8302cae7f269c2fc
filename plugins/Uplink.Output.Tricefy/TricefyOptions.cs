using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace Uplink.Output.Tricefy;

/// <summary>The Tricefy output's settings (the plugin's <c>Settings</c> section). The token never appears in <see cref="ToString"/>.</summary>
internal sealed record TricefyOptions
{
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

    /// <summary>The budget of one request: Tricefy allows 60 s per connection.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Retries of one request after a 5xx, 408, 429, a timeout or a dropped connection, before the host takes over.</summary>
    [Range(0, 10)]
    public int MaxRetryAttempts { get; init; } = 3;

    /// <summary>The first back-off delay; it doubles per attempt, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How long the circuit stays open after repeated failures, before one trial request.</summary>
    public TimeSpan BreakDuration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How many requests in the sampling window before the breaker may open.</summary>
    [Range(2, 1000)]
    public int BreakerMinimumThroughput { get; init; } = 8;

    /// <summary>Binds and validates the settings; errors name the setting, never the token's value.</summary>
    /// <param name="settings">The plugin's settings section.</param>
    /// <returns>The validated options.</returns>
    /// <exception cref="ValidationException">A setting is missing or wrong.</exception>
    public static TricefyOptions Bind(IConfiguration settings)
    {
        var options = settings.Get<TricefyOptions>() ?? new TricefyOptions();
        Validator.ValidateObject(options, new ValidationContext(options), validateAllProperties: true);
        EndpointRules.RequireTls(options.Endpoint!, nameof(Endpoint));
        if (options.ShareEndpoint is not null)
        {
            EndpointRules.RequireTls(options.ShareEndpoint, nameof(ShareEndpoint));
        }

        if (options.RequestTimeout <= TimeSpan.Zero || options.RequestTimeout > TimeSpan.FromSeconds(60))
        {
            throw new ValidationException($"Tricefy setting 'RequestTimeout' must be between 0 and 60 seconds (Tricefy's limit per connection); got {options.RequestTimeout}.");
        }

        return options;
    }

    /// <summary>Names the endpoint and account, never the token.</summary>
    /// <returns>A description safe to log.</returns>
    public override string ToString() => $"TricefyOptions {{ Endpoint = {Endpoint}, Token = *** }}";

    /// <summary>The settings of the shared upload resilience pipeline.</summary>
    /// <returns>Retries, back-off, breaker and per-attempt timeout from these options.</returns>
    public Uplink.Plugins.Shared.Http.UploadResilienceSettings ToResilienceSettings() =>
        new(MaxRetryAttempts, RetryBaseDelay, BreakerMinimumThroughput, BreakDuration, RequestTimeout);
}
