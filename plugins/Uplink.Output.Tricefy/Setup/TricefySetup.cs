using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Uplink.Output.Tricefy.Http;
using Uplink.Plugins.Abstractions.Outputs;
using Uplink.Plugins.Abstractions.Setup;
using Uplink.Plugins.Shared.Http;

namespace Uplink.Output.Tricefy.Setup;

/// <summary>
/// What <c>uplink setup</c> asks for Tricefy (endpoint, e-mail, the sealed API token) and Tricefy's documented
/// credential check: one <c>GET</c> on the upload endpoint with the configured Basic credentials, no retries.
/// </summary>
internal static class TricefySetup
{
    /// <summary>The environment variable an unattended install passes the API token in.</summary>
    public const string TokenVariable = "UPLINK_TRICEFY_TOKEN";

    /// <summary>The settings, in the order they are asked.</summary>
    public static IReadOnlyList<SetupSetting> Settings { get; } =
    [
        SetupSetting.Plain(nameof(TricefyOptions.Endpoint), "Tricefy's upload endpoint (https://tricefy4.com/dicomweb/studies, or https://us.tricefy.com/dicomweb/studies in the USA)", ValidateEndpoint) with { IsRequired = false },
        SetupSetting.Plain(nameof(TricefyOptions.Email), "The Tricefy account's e-mail", email => email.Contains('@', StringComparison.Ordinal) ? null : "Email must be the Tricefy account's e-mail address"),
        SetupSetting.Sealed(nameof(TricefyOptions.Token), "The Tricefy account's API token", TokenVariable),
    ];

    /// <summary>Binds the settings and asks Tricefy whether it accepts the credentials.</summary>
    /// <param name="settings">The plugin's settings, token opened.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>Accepted, or the line saying why not (never the token).</returns>
    public static async Task<SetupCheck> CheckAsync(IConfiguration settings, CancellationToken cancellationToken)
    {
        TricefyOptions options;
        try
        {
            options = TricefyOptions.Bind(settings);
        }
        catch (ValidationException ex)
        {
            // The validation messages name the setting, never its value.
            return SetupCheck.Failed($"Tricefy's settings are incomplete: {ex.Message}");
        }

        // One plain request: a check must answer now, not wait behind the output's breaker.
        var resilience = UploadResilienceOptions.Bind(settings, TricefyOptions.Owner, new UploadResilienceOptions { RequestTimeout = TricefyOptions.ConnectionLimit }, TricefyOptions.ConnectionLimit);
        using var http = new HttpClient { Timeout = resilience.RequestTimeout };
        var client = new TricefyClient(new UploadChannel(http, TricefyClient.Destination(options), resilience, new CredentialsLatch(), NullLogger.Instance), options);
        try
        {
            var result = await client.VerifyAsync(cancellationToken).ConfigureAwait(false);
            return result.Status == DeliveryStatus.Delivered
                ? SetupCheck.Ok($"Tricefy accepted the credentials of {options.Email} at {options.Endpoint}.")
                : SetupCheck.Failed(result.Reason ?? $"Tricefy did not accept the credential check at {options.Endpoint}.");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return SetupCheck.Failed($"Tricefy did not answer the credential check at {options.Endpoint} within {resilience.RequestTimeout.TotalSeconds:0.#} s.");
        }
    }

    private static string? ValidateEndpoint(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var endpoint))
        {
            return $"Endpoint '{text}' is not an absolute URL (e.g. https://us.tricefy.com/dicomweb/studies)";
        }

        try
        {
            EndpointRules.RequireTls(endpoint, nameof(TricefyOptions.Endpoint));
            return null;
        }
        catch (ValidationException ex)
        {
            return ex.Message;
        }
    }
}
