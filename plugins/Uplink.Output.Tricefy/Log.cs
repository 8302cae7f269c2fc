using Microsoft.Extensions.Logging;

namespace Uplink.Output.Tricefy;

/// <summary>The Tricefy output's log lines: statuses and reasons only, never a contact, token or original UID.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Tricefy accepted {Parts} file(s) for one instance of share {ShareId}.")]
    public static partial void Delivered(ILogger logger, string shareId, int parts);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "An instance of share {ShareId} is set aside for Tricefy: {Reason}")]
    public static partial void SetAside(ILogger logger, string shareId, string reason);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "An upload for share {ShareId} will be retried: {Reason}")]
    public static partial void WillRetry(ILogger logger, string shareId, string reason);

    // EventId 4 (credentials rejected) is written by the shared UploadLog.
    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "Share {ShareId} handed to Tricefy's patient sharing: {Status}.")]
    public static partial void ShareHandedOff(ILogger logger, string shareId, string status);
}
