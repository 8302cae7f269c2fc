using Microsoft.Extensions.Logging;

namespace Uplink.Core.Plugins;

/// <summary>The plugin host's log lines. Plugin ids, versions and file names only: never patient data.</summary>
internal static partial class PluginLog
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Plugin {PluginId} {Version} loaded in {ElapsedMs:0.0} ms ({Kinds}; trust: {Trust}; {Context})")]
    public static partial void Loaded(ILogger logger, string pluginId, string version, double elapsedMs, string kinds, string trust, string context);

    [LoggerMessage(EventId = 101, Level = LogLevel.Warning, Message = "Plugin {PluginId} refused ({Status}): {Reason}")]
    public static partial void Refused(ILogger logger, string pluginId, PluginStatus status, string reason);

    [LoggerMessage(EventId = 105, Level = LogLevel.Warning, Message = "Plugin {PluginId} refused ({Status}) after {ElapsedMs:0.0} ms of loading: {Reason}")]
    public static partial void RefusedWhileLoading(ILogger logger, string pluginId, PluginStatus status, double elapsedMs, string reason);

    [LoggerMessage(EventId = 102, Level = LogLevel.Error, Message = "Plugin {PluginId} is selected by expert code {ExpertCode} but no folder in {PluginsDirectory} declares it")]
    public static partial void Missing(ILogger logger, string pluginId, string expertCode, string pluginsDirectory);

    [LoggerMessage(EventId = 103, Level = LogLevel.Information, Message = "Plugins in {PluginsDirectory}: {Loaded} loaded, {Refused} refused, {Inactive} not active ({ElapsedMs:0.0} ms)")]
    public static partial void Summary(ILogger logger, string pluginsDirectory, int loaded, int refused, int inactive, double elapsedMs);

    [LoggerMessage(EventId = 104, Level = LogLevel.Error, Message = "The active profile is unavailable: {Reason}. Nothing is anonymized or sent until it is (fail closed)")]
    public static partial void ProfileUnavailable(ILogger logger, string reason);

    [LoggerMessage(EventId = 110, Level = LogLevel.Error, Message = "Plugin {PluginId} faulted in {Operation}: {ExceptionType}")]
    public static partial void Faulted(ILogger logger, string pluginId, string operation, string exceptionType);

    [LoggerMessage(EventId = 111, Level = LogLevel.Warning, Message = "Input {PluginId} stopped ({Failures} failure(s) in a row); restarting in {Delay}")]
    public static partial void Restarting(ILogger logger, string pluginId, int failures, TimeSpan delay);

    [LoggerMessage(EventId = 112, Level = LogLevel.Information, Message = "Input {PluginId} has run {HealthyAfter} without failing; marked healthy")]
    public static partial void Recovered(ILogger logger, string pluginId, TimeSpan healthyAfter);
}
