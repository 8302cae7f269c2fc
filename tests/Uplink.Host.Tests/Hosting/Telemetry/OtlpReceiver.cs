using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Uplink.Host.Tests.Hosting.Telemetry;

/// <summary>
/// An OTLP/HTTP (http/protobuf) collector on 127.0.0.1 and a free port, in process on Kestrel: it keeps the
/// bytes of every <c>POST /v1/metrics</c> and answers with an empty <c>ExportMetricsServiceResponse</c>.
/// </summary>
internal sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private OtlpReceiver(WebApplication app) => _app = app;

    /// <summary>The collector's base URL (the exporter appends <c>/v1/metrics</c>).</summary>
    public Uri Endpoint => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());

    /// <summary>Each request's content type and body, in arrival order.</summary>
    public ConcurrentQueue<(string? ContentType, byte[] Body)> Metrics { get; } = new();

    public static async Task<OtlpReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var receiver = new OtlpReceiver(app);
        app.MapPost("/v1/metrics", async context =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body, context.RequestAborted);
            receiver.Metrics.Enqueue((context.Request.ContentType, body.ToArray()));
            context.Response.ContentType = "application/x-protobuf";
        });
        await app.StartAsync();
        return receiver;
    }

    /// <summary>Waits until the bytes received so far contain every one of <paramref name="names"/>.</summary>
    public async Task<byte[]> WaitForAsync(IReadOnlyList<string> names, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var all = Metrics.SelectMany(m => m.Body).ToArray();
            if (names.All(n => all.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(n)) >= 0))
            {
                return all;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"after {timeout} the collector had {Metrics.Count} export(s) of {all.Length} bytes without all of {string.Join(", ", names)}");
            }

            await Task.Delay(200, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
