namespace Uplink.Host.Hosting.Telemetry;

/// <summary>Where the pipeline's metrics go (<c>Uplink:Telemetry</c>); nothing is exported unless an endpoint is set.</summary>
internal sealed class TelemetryOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Uplink:Telemetry";

    /// <summary>The OTLP protocol over HTTP with protobuf bodies (the collector's port 4318).</summary>
    public const string HttpProtobuf = "http/protobuf";

    /// <summary>The OTLP protocol over gRPC (the collector's port 4317).</summary>
    public const string Grpc = "grpc";

    /// <summary>
    /// The OpenTelemetry collector, for example <c>http://127.0.0.1:4318</c>; empty exports nothing. With
    /// <see cref="HttpProtobuf"/> and no path, <c>/v1/metrics</c> is appended as the OTLP specification says.
    /// </summary>
    public string OtlpEndpoint { get; set; } = string.Empty;

    /// <summary><see cref="HttpProtobuf"/> or <see cref="Grpc"/>.</summary>
    public string OtlpProtocol { get; set; } = HttpProtobuf;

    /// <summary>How often the metrics are sent.</summary>
    public TimeSpan ExportInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Whether an endpoint is set.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(OtlpEndpoint);

    /// <summary>The URL the exporter posts to.</summary>
    /// <returns>The endpoint, with <c>/v1/metrics</c> for HTTP when it names no path.</returns>
    public Uri ExportUri()
    {
        var endpoint = new Uri(OtlpEndpoint, UriKind.Absolute);
        return OtlpProtocol == HttpProtobuf && endpoint.AbsolutePath == "/" ? new Uri(endpoint, "/v1/metrics") : endpoint;
    }
}
