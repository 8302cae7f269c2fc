using Microsoft.Extensions.Logging;

namespace Uplink.Input.DicomStore.Routing;

/// <summary>The router's log lines: counts and share ids only, never a UID or a patient value.</summary>
internal static partial class RoutingLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "A quiet study of {Count} received instance(s) became share {ShareId} (new: {Created}).")]
    public static partial void Routed(ILogger logger, int count, string shareId, bool created);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "A quiet study of {Count} received instance(s) could not be submitted and is retried after the quiet period: {Reason}")]
    public static partial void WillRetry(ILogger logger, int count, string reason);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "{Count} received instance(s) not yet routed were found at start and will be routed.")]
    public static partial void Recovered(ILogger logger, int count);
}
