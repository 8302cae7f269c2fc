using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Uplink.Plugins.Abstractions.Inputs;

namespace Uplink.Input.ViewPoint.Api;

/// <summary>
/// The ViewPoint API: a Kestrel server on loopback (or, with a certificate, HTTPS on another address)
/// that runs until the host stops. Nothing of the host's configuration leaks in: the web application is
/// built empty, with only Kestrel, routing and the host's loggers.
/// </summary>
internal sealed partial class ViewPointInput(
    ViewPointOptions options,
    IImageSource images,
    ViewPointIdentity identity,
    TimeProvider time,
    ILoggerFactory? loggerFactory = null) : IInputPlugin
{
    private readonly ILoggerFactory _loggers = loggerFactory ?? NullLoggerFactory.Instance;
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes with the API's address once it listens (the real port when configured as 0).</summary>
    public Task<Uri> Listening => _listening.Task;

    /// <inheritdoc />
    public async Task RunAsync(IShareIntake intake, CancellationToken cancellationToken)
    {
        var endpoints = new ShareEndpoints(intake, images, new ApiKeyGate(options, time), options, identity.PluginId, _loggers.CreateLogger("Uplink.Input.ViewPoint"));
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = typeof(ViewPointInput).Assembly.GetName().Name });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(Listen);
        builder.Services.AddRoutingCore();
        builder.Services.AddSingleton(_loggers);
        var app = builder.Build();
        app.MapPost("/api/v1/shares", endpoints.CreateAsync);
        app.MapGet("/api/v1/shares/{shareId}", endpoints.GetAsync);
        app.MapGet("/api/v1/openapi.json", OpenApiDocument.WriteAsync);
        await using (app.ConfigureAwait(false))
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
            LogListening(_loggers.CreateLogger("Uplink.Input.ViewPoint"), address);
            _listening.TrySetResult(address);
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
            }
            finally
            {
                await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    private void Listen(KestrelServerOptions kestrel)
    {
        kestrel.AddServerHeader = false;
        kestrel.Limits.MaxRequestBodySize = (long)options.MaxBodyBytes * 2;
        if (ViewPointSettingRules.ListenProblem(options) is { } problem)
        {
            throw new InvalidOperationException(problem);
        }

        var listen = ViewPointSettingRules.ParseListen(options.Listen)!;
        var https = listen.Scheme == Uri.UriSchemeHttps;
        kestrel.Listen(ViewPointSettingRules.ListenAddress(listen), listen.Port, endpoint =>
        {
            if (https)
            {
                endpoint.UseHttps(options.CertificatePath!, options.CertificatePassword);
            }
        });
    }

    [LoggerMessage(10, LogLevel.Information, "ViewPoint API listening on {Address}")]
    private static partial void LogListening(ILogger logger, Uri address);
}
