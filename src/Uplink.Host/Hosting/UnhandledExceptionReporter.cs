using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Uplink.Core.Plugins;

namespace Uplink.Host.Hosting;

/// <summary>
/// The last line of defence: an exception no supervisor caught (a plugin's own thread or timer, an
/// unobserved task) is logged with the id of the plugin whose code threw it, found from the load
/// context of the throwing method. The process may still end; the service manager restarts it.
/// </summary>
/// <param name="plugins">The loaded plugins, to name the culprit.</param>
/// <param name="logger">Where the report goes.</param>
internal sealed partial class UnhandledExceptionReporter(PluginSystem plugins, ILogger<UnhandledExceptionReporter> logger) : IHostedService
{
    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        AppDomain.CurrentDomain.UnhandledException += OnUnhandled;
        TaskScheduler.UnobservedTaskException += OnUnobserved;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken)
    {
        AppDomain.CurrentDomain.UnhandledException -= OnUnhandled;
        TaskScheduler.UnobservedTaskException -= OnUnobserved;
        return Task.CompletedTask;
    }

    /// <summary>The plugin whose code threw an exception, or <c>host</c>.</summary>
    /// <param name="exception">The exception.</param>
    /// <returns>The plugin id, or <c>host</c>.</returns>
    internal string Culprit(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            var assembly = current.TargetSite?.DeclaringType?.Assembly;
            if (assembly is not null && plugins.OwnerOf(assembly) is { } pluginId)
            {
                return pluginId;
            }
        }

        return "host";
    }

    private void OnUnhandled(object? sender, UnhandledExceptionEventArgs e)
    {
        if (e.ExceptionObject is Exception exception)
        {
            Unhandled(logger, Culprit(exception), exception.GetType().Name, e.IsTerminating);
        }
    }

    private void OnUnobserved(object? sender, UnobservedTaskExceptionEventArgs e)
    {
        Unhandled(logger, Culprit(e.Exception), e.Exception.GetType().Name, false);
        e.SetObserved();
    }

    [LoggerMessage(EventId = 3, Level = LogLevel.Critical, Message = "Unhandled {ExceptionType} from {Culprit} (process terminating: {Terminating})")]
    private static partial void Unhandled(ILogger logger, string culprit, string exceptionType, bool terminating);
}
