using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Uplink.Plugins.Shared.Settings;

namespace Uplink.Plugins.Shared.Http;

/// <summary>
/// The resilience settings every HTTP output reads from its own <c>Settings</c> section (flat keys beside its
/// other settings): a budget per request and a circuit breaker. There is no retry here on purpose: the host
/// owns retries (it backs off per image for as long as it takes), so a retry in the HTTP pipeline would
/// multiply the host's attempts by its own.
/// </summary>
internal sealed record UploadResilienceOptions
{
    /// <summary>The budget of one request, from sending it to reading the whole answer.</summary>
    [Range(typeof(TimeSpan), "00:00:00.1", "01:00:00")]
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>How long the circuit stays open after repeated failures, before one trial request.</summary>
    [Range(typeof(TimeSpan), "00:00:00.5", "01:00:00")]
    public TimeSpan BreakDuration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How many requests in the sampling window before the breaker may open.</summary>
    [Range(2, 1000)]
    public int BreakerMinimumThroughput { get; init; } = 8;

    /// <summary>Binds and validates the settings, starting from the output's defaults.</summary>
    /// <param name="settings">The plugin's settings section.</param>
    /// <param name="owner">The output's name in messages.</param>
    /// <param name="defaults">The output's defaults (a fresh instance, filled in place).</param>
    /// <param name="maxRequestTimeout">The longest request the destination allows.</param>
    /// <returns>The validated settings.</returns>
    /// <exception cref="ValidationException">A setting is wrong; the message names it.</exception>
    public static UploadResilienceOptions Bind(IConfiguration settings, string owner, UploadResilienceOptions defaults, TimeSpan maxRequestTimeout)
    {
        var options = PluginSettings.Bind(settings, defaults, owner);
        if (options.RequestTimeout > maxRequestTimeout)
        {
            throw PluginSettings.Invalid(owner, nameof(RequestTimeout), $"must be at most {maxRequestTimeout} (the destination's limit per connection); got {options.RequestTimeout}.");
        }

        return options;
    }
}
