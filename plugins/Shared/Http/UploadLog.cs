using Microsoft.Extensions.Logging;

namespace Uplink.Plugins.Shared.Http;

/// <summary>The log lines every HTTP output writes alike: statuses and reasons only, never a credential.</summary>
internal static partial class UploadLog
{
    [LoggerMessage(EventId = 4, Level = LogLevel.Error, Message = "{Destination} rejected the credentials; the output sends nothing more until it is configured again: {Reason}")]
    public static partial void CredentialsRejected(ILogger logger, string destination, string reason);
}
