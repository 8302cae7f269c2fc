using Microsoft.Extensions.Options;

namespace Uplink.Host.Hosting.Telemetry;

/// <summary>Validates <see cref="TelemetryOptions"/>; each failure names the setting.</summary>
internal sealed class TelemetryOptionsValidator : IValidateOptions<TelemetryOptions>
{
    private static readonly TimeSpan ShortestInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan LongestInterval = TimeSpan.FromHours(1);

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, TelemetryOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (!Uri.TryCreate(options.OtlpEndpoint, UriKind.Absolute, out var endpoint) || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps))
        {
            failures.Add($"{TelemetryOptions.SectionName}:OtlpEndpoint ('{options.OtlpEndpoint}') must be an absolute http or https URL");
        }

        if (options.OtlpProtocol is not (TelemetryOptions.HttpProtobuf or TelemetryOptions.Grpc))
        {
            failures.Add($"{TelemetryOptions.SectionName}:OtlpProtocol ('{options.OtlpProtocol}') must be '{TelemetryOptions.HttpProtobuf}' or '{TelemetryOptions.Grpc}'");
        }

        if (options.ExportInterval < ShortestInterval || options.ExportInterval > LongestInterval)
        {
            failures.Add($"{TelemetryOptions.SectionName}:ExportInterval ({options.ExportInterval}) must be between {ShortestInterval} and {LongestInterval}");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
