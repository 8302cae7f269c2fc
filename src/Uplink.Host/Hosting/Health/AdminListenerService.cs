using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Uplink.Core.Configuration;
using Uplink.Core.Site;
using Uplink.Host.Hosting.Admin;

namespace Uplink.Host.Hosting.Health;

/// <summary>
/// The host's own admin listener (Kestrel on <see cref="AdminOptions.Listen"/>, loopback only), apart
/// from the ViewPoint API, which lives inside a plugin. It serves <c>/health/live</c> and
/// <c>/health/ready</c> (the status word only, no authentication) and <c>/health/detail</c> (JSON, behind
/// the admin key from <c>uplink setup</c>), and the admin page under <c>/admin</c> (<see cref="AdminPage"/>,
/// <see cref="AdminActions"/>). A listener that cannot bind is logged and the host runs on.
/// </summary>
/// <param name="health">The host's health checks.</param>
/// <param name="detail">Builds the detailed report.</param>
/// <param name="admin">Where to listen.</param>
/// <param name="uplink">The host options (the data folder, for the admin key).</param>
/// <param name="page">The admin page.</param>
/// <param name="actions">The admin page's actions.</param>
/// <param name="logger">Where the listener's state goes.</param>
internal sealed partial class AdminListenerService(
    HealthCheckService health,
    HealthDetailReport detail,
    IOptions<AdminOptions> admin,
    IOptions<UplinkOptions> uplink,
    AdminPage page,
    AdminActions actions,
    ILogger<AdminListenerService> logger) : IHostedService, IAsyncDisposable
{
    private WebApplication? _app;

    /// <summary>The addresses the listener bound, once started.</summary>
    public IReadOnlyList<string> Addresses { get; private set; } = [];

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var listen = admin.Value.Listen;
        if (string.IsNullOrWhiteSpace(listen))
        {
            Disabled(logger);
            return;
        }

        if (!Uri.TryCreate(listen, UriKind.Absolute, out var address) || !address.IsLoopback)
        {
            // The admin key travels in a header; without TLS configured here it must not leave the machine.
            CannotListen(logger, listen, "only a loopback address (127.0.0.1, [::1] or localhost) is allowed");
            return;
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(listen);
        builder.Services.AddSingleton(health);
        var app = builder.Build();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = c => c.Tags.Contains(HealthTags.Live) });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(HealthTags.Ready) });
        app.MapGet("/health/detail", DetailAsync);
        page.Map(app);
        actions.Map(app);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or FormatException or UriFormatException)
        {
            await app.DisposeAsync().ConfigureAwait(false);
            CannotListen(logger, listen, ex.Message);
            return;
        }

        _app = app;
        Addresses = [.. app.Urls];
        Listening(logger, string.Join(", ", Addresses));
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not null)
        {
            await _app.StopAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync().ConfigureAwait(false);
            _app = null;
        }
    }

    private async Task DetailAsync(HttpContext context)
    {
        context.Response.Headers.CacheControl = "no-store";
        if (!AdminCredential.Matches(context.Request.Headers.Authorization, SiteFolder.ReadAdminKey(uplink.Value.DataDirectory)))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate = "Bearer";
            return;
        }

        var report = await health.CheckHealthAsync(context.RequestAborted).ConfigureAwait(false);
        context.Response.StatusCode = report.Status == HealthStatus.Unhealthy ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(detail.Build(report).ToJsonString(), context.RequestAborted).ConfigureAwait(false);
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Admin listener on {Addresses}: /health/live, /health/ready, /health/detail and the admin page /admin (admin key)")]
    private static partial void Listening(ILogger logger, string addresses);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "Admin listener cannot listen on {Listen} (Uplink:Admin:Listen): {Problem}; health endpoints are unavailable, shares go on")]
    private static partial void CannotListen(ILogger logger, string listen, string problem);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Admin listener off (Uplink:Admin:Listen is empty)")]
    private static partial void Disabled(ILogger logger);
}
