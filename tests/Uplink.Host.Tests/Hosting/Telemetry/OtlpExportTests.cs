using System.Text;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using Uplink.Host.Demo;
using Uplink.Host.Hosting;
using Uplink.Host.Hosting.Telemetry;
using Uplink.Host.Tests.EndToEnd.Support;

namespace Uplink.Host.Tests.Hosting.Telemetry;

/// <summary>
/// A real <c>uplink run</c> with <c>Uplink:Telemetry:OtlpEndpoint</c> set exports the pipeline's metrics to an
/// OTLP/HTTP collector; after a share that carries the planted patient's contact and identity, the exported
/// bytes name the metrics and hold none of those values, and no exam or image id.
/// </summary>
public sealed class OtlpExportTests
{
    private static readonly string[] MetricNames = ["uplink.shares.accepted", "uplink.images.finished", "uplink.stage.duration", "uplink.output.bytes"];

    private static readonly string[] Needles =
    [
        DemoPatient.Email, DemoPatient.Phone, DemoPatient.Phone.Replace(" ", string.Empty, StringComparison.Ordinal),
        DemoPatient.Name, "DOE^JANE", DemoPatient.Id, "exam-otlp", "otlp-request-1",
    ];

    [Fact]
    public async Task The_pipeline_metrics_reach_an_otlp_collector_without_a_patient_value_or_an_id()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var collector = await OtlpReceiver.StartAsync();
        using var host = new EndToEndSite(images: 2, frames: 3);
        host.Set("Telemetry", "OtlpEndpoint", collector.Endpoint.ToString());
        host.Set("Telemetry", "ExportInterval", "00:00:00.500");
        await host.StartAsync();

        var ids = host.Exam.Select(i => i.ImageId).ToList();
        var (_, body) = await host.Client.ShareAsync("otlp-request-1", "exam-otlp", ids, DemoPatient.Email, DemoPatient.Phone, ct);
        var final = await host.Client.WaitForEndAsync(body.GetProperty("shareId").GetString()!, TimeSpan.FromSeconds(45), ct);
        var exported = await collector.WaitForAsync(MetricNames, TimeSpan.FromSeconds(30), ct);
        host.Process.Stop();

        Assert.Equal("completed", final.GetProperty("status").GetString());
        Assert.All(collector.Metrics, m => Assert.Equal("application/x-protobuf", m.ContentType));
        foreach (var value in MetricNames.Concat(["Uplink.Pipeline", "Uplink.Output.Folder", "sent"]))
        {
            Assert.True(Contains(exported, Encoding.UTF8.GetBytes(value)), $"the export lacks '{value}'");
        }

        foreach (var needle in Needles.Concat(ids).Append(body.GetProperty("shareId").GetString()!))
        {
            Assert.False(Contains(exported, Encoding.UTF8.GetBytes(needle)) || Contains(exported, Encoding.Unicode.GetBytes(needle)), $"the export holds '{needle}'");
        }
    }

    [Fact]
    public void Without_an_endpoint_no_exporter_is_registered()
    {
        var site = DemoSite.Create(Directory.CreateTempSubdirectory("uplink-otlp-").FullName);
        try
        {
            using var host = UplinkHostFactory.Build(UplinkConfigurationSource.Load(site.ConfigPath));

            Assert.Null(host.Services.GetService<MeterProvider>());
        }
        finally
        {
            Directory.Delete(site.Root, recursive: true);
        }
    }

    [Theory]
    [InlineData("ftp://127.0.0.1:4318", "http/protobuf", "00:01:00", "Uplink:Telemetry:OtlpEndpoint ('ftp://127.0.0.1:4318') must be an absolute http or https URL")]
    [InlineData("collector:4318", "http/protobuf", "00:01:00", "Uplink:Telemetry:OtlpEndpoint ('collector:4318') must be an absolute http or https URL")]
    [InlineData("http://127.0.0.1:4318", "http/json", "00:01:00", "Uplink:Telemetry:OtlpProtocol ('http/json') must be 'http/protobuf' or 'grpc'")]
    [InlineData("http://127.0.0.1:4318", "grpc", "00:00:00.010", "Uplink:Telemetry:ExportInterval (00:00:00.0100000) must be between 00:00:00.1000000 and 01:00:00")]
    public void An_invalid_telemetry_setting_is_named(string endpoint, string protocol, string interval, string expected)
    {
        var options = new TelemetryOptions { OtlpEndpoint = endpoint, OtlpProtocol = protocol, ExportInterval = TimeSpan.Parse(interval, System.Globalization.CultureInfo.InvariantCulture) };

        var result = new TelemetryOptionsValidator().Validate(null, options);

        Assert.Equal(expected, Assert.Single(result.Failures!));
    }

    [Theory]
    [InlineData("http://127.0.0.1:4318", "http/protobuf", "http://127.0.0.1:4318/v1/metrics")]
    [InlineData("http://127.0.0.1:4318/", "http/protobuf", "http://127.0.0.1:4318/v1/metrics")]
    [InlineData("https://collector.example:443/otlp/v1/metrics", "http/protobuf", "https://collector.example/otlp/v1/metrics")]
    [InlineData("http://127.0.0.1:4317", "grpc", "http://127.0.0.1:4317/")]
    public void The_http_endpoint_gets_the_metrics_path_unless_it_names_one(string endpoint, string protocol, string expected)
    {
        var options = new TelemetryOptions { OtlpEndpoint = endpoint, OtlpProtocol = protocol };

        Assert.Equal(new Uri(expected), options.ExportUri());
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
