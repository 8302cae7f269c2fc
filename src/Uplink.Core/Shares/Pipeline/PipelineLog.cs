using Microsoft.Extensions.Logging;

namespace Uplink.Core.Shares.Pipeline;

/// <summary>
/// Every log line the pipeline writes. Only share ids, positions, plugin ids, states and reasons that
/// carry no patient data (profiles and outputs promise that); exceptions are logged by type only,
/// because a message may quote the data that failed to parse.
/// </summary>
internal static partial class PipelineLog
{
    [LoggerMessage(1, LogLevel.Information, "Share {ShareId} recorded with {ImageCount} images from input {InputId}")]
    public static partial void ShareRecorded(ILogger logger, string shareId, int imageCount, string inputId);

    [LoggerMessage(2, LogLevel.Information, "Share {ShareId} image {Position}: {State}")]
    public static partial void ImageAdvanced(ILogger logger, string shareId, int position, string state);

    [LoggerMessage(3, LogLevel.Warning, "Share {ShareId} image {Position}: {State} ({Reason})")]
    public static partial void ImageStopped(ILogger logger, string shareId, int position, string state, string? reason);

    [LoggerMessage(4, LogLevel.Warning, "Share {ShareId} image {Position}: attempt {Attempt} failed, retrying after {Delay}: {Reason}")]
    public static partial void ImagePostponed(ILogger logger, string shareId, int position, int attempt, TimeSpan delay, string reason);

    [LoggerMessage(5, LogLevel.Information, "Share {ShareId} {State}: {Delivered} images sent")]
    public static partial void ShareFinished(ILogger logger, string shareId, string state, int delivered);

    [LoggerMessage(6, LogLevel.Warning, "Share {ShareId}: hand-off attempt {Attempt} failed, retrying after {Delay}: {Reason}")]
    public static partial void SharePostponed(ILogger logger, string shareId, int attempt, TimeSpan delay, string reason);

    [LoggerMessage(7, LogLevel.Warning, "Share {ShareId}: lost the lease of image {Position}; another worker has it")]
    public static partial void LeaseLost(ILogger logger, string shareId, int position);

    [LoggerMessage(8, LogLevel.Error, "Pipeline worker failed with {ExceptionType}; it carries on after {Delay}")]
    public static partial void WorkerFailed(ILogger logger, string exceptionType, TimeSpan delay);

    [LoggerMessage(9, LogLevel.Information, "Share pipeline started: {Workers} workers, data folder {DataDirectory}")]
    public static partial void Started(ILogger logger, int workers, string dataDirectory);

}
