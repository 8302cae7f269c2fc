using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using Uplink.Core.Shares.Pipeline;
using Uplink.Host.Commands;

namespace Uplink.Host.Hosting.Telemetry;

/// <summary>Exports the <see cref="PipelineMeter.Name"/> meter over OTLP when <c>Uplink:Telemetry:OtlpEndpoint</c> is set.</summary>
internal static class TelemetryServices
{
    /// <summary>Adds the OpenTelemetry metrics exporter, or nothing when no endpoint is configured.</summary>
    /// <param name="services">The host's services.</param>
    /// <param name="configuration">The host's configuration.</param>
    /// <returns>The same services.</returns>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">A telemetry setting is not valid.</exception>
    public static IServiceCollection AddUplinkTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var options = StartupOptions.Read(configuration, TelemetryOptions.SectionName, new TelemetryOptionsValidator());
        if (!options.Enabled)
        {
            return services;
        }

        // Only the pipeline's own meter: its names and tags are fixed words and plugin ids (PipelineMeter),
        // whereas runtime or HTTP instrumentation could carry request paths holding ids.
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("uplink", serviceVersion: UplinkCommandLine.Version))
            .WithMetrics(metrics => metrics
                .AddMeter(PipelineMeter.Name)
                .AddOtlpExporter((exporter, reader) =>
                {
                    exporter.Endpoint = options.ExportUri();
                    exporter.Protocol = options.OtlpProtocol == TelemetryOptions.Grpc ? OtlpExportProtocol.Grpc : OtlpExportProtocol.HttpProtobuf;
                    reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = (int)options.ExportInterval.TotalMilliseconds;
                }));
        return services;
    }
}
