using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Events;
using Uplink.Core.Configuration;
using Uplink.Core.Plugins;
using Uplink.Core.Shares;
using Uplink.Core.Site;
using Uplink.Host.Hosting.Health;
using Uplink.Host.Hosting.Logs;
using Uplink.Host.Hosting.Telemetry;

namespace Uplink.Host.Hosting;

/// <summary>
/// Builds the Generic Host behind <c>uplink run</c>: the configuration file, Serilog (console and a
/// daily rolling file under the data folder's <c>logs/</c>, limited by <c>Uplink:Logs</c>), options validated at start, Windows Service
/// and systemd awareness, the plugin system, the input supervisor, the pipeline hook, the admin
/// listener with the health checks, and the metrics exporter when one is configured.
/// </summary>
internal static class UplinkHostFactory
{
    private const string ConsoleTemplate = "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}{Exception}";
    private const string FileTemplate = "{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} [{Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}";

    /// <summary>Builds the host.</summary>
    /// <param name="source">The configuration file, read.</param>
    /// <param name="configure">Extra registrations (tests use it to add a share intake).</param>
    /// <returns>The host, not started.</returns>
    public static IHost Build(UplinkConfigurationSource source, Action<IServiceCollection>? configure = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
            DisableDefaults = true,
        });
        builder.Configuration.AddConfiguration(source.Root);
        builder.Configuration.AddEnvironmentVariables("UPLINK_");

        var logs = StartupOptions.Read(builder.Configuration, LogOptions.SectionName, new LogOptionsValidator());
        var serilog = new LoggerConfiguration()
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .Enrich.FromLogContext()
            .WriteTo.Console(outputTemplate: ConsoleTemplate, formatProvider: CultureInfo.InvariantCulture)
            .WriteTo.File(
                Path.Combine(source.Options.DataDirectory, "logs", "uplink-.log"),
                outputTemplate: FileTemplate,
                rollingInterval: RollingInterval.Day,
                retainedFileCountLimit: logs.RetainedFileCount,
                fileSizeLimitBytes: logs.FileSizeLimitBytes,
                rollOnFileSizeLimit: logs.RollOnFileSizeLimit,
                formatProvider: CultureInfo.InvariantCulture);
        if (builder.Configuration.GetSection("Serilog").Exists())
        {
            // Only when asked: reading Serilog settings scans assemblies, which costs start-up time.
            serilog.ReadFrom.Configuration(builder.Configuration);
        }

        var logger = serilog.CreateLogger();
        using (var upgradeLog = new Serilog.Extensions.Logging.SerilogLoggerFactory(logger))
        {
            // Before the plugins are configured: an older folder's plain ViewPoint key becomes the sealed setting they read.
            if (SiteFolder.MigrateOlderFolder(source.Path, source.Options.DataDirectory, upgradeLog.CreateLogger("Uplink.Upgrade")))
            {
                source = UplinkConfigurationSource.Load(source.Path);
            }
        }

        builder.Logging.ClearProviders();
        builder.Logging.AddSerilog(logger, dispose: true);

        builder.Services.AddWindowsService(o => o.ServiceName = "Uplink");
        builder.Services.AddSystemd();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(15));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddUplinkOptions(builder.Configuration, source.Path);

        AddPlugins(builder.Services, source);
        builder.Services.AddUplinkPipeline(builder.Configuration);
        configure?.Invoke(builder.Services);
        builder.Services.AddUplinkHealth(builder.Configuration);
        builder.Services.AddUplinkTelemetry(builder.Configuration);
        return builder.Build();
    }

    private static void AddPlugins(IServiceCollection services, UplinkConfigurationSource source)
    {
        services.AddUplinkPlugins(source.PluginSettings);
        services.AddHostedService<PluginStartupService>();
        services.AddHostedService<UnhandledExceptionReporter>();
    }
}
