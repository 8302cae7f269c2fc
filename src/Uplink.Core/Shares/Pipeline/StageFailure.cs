namespace Uplink.Core.Shares.Pipeline;

/// <summary>Names an unexpected exception without its message (which may quote source data).</summary>
internal static class StageFailure
{
    /// <summary>A reason for an exception thrown by a stage or a plugin.</summary>
    /// <param name="who">What threw (for example <c>output Uplink.Output.Folder</c>).</param>
    /// <param name="exception">The exception.</param>
    /// <returns>For example <c>output Uplink.Output.Folder threw IOException</c>.</returns>
    public static string Describe(string who, Exception exception) => $"{who} threw {exception.GetType().Name}";
}
