using Uplink.Core.Plugins.Supervision;

namespace Uplink.Core.Shares.Pipeline;

/// <summary>The deliver stage's name for <see cref="ExceptionDisclosure.Threw"/>, kept until its branch calls the policy directly.</summary>
internal static class StageFailure
{
    /// <summary>A reason for an exception thrown by a stage or a plugin, as <see cref="ExceptionDisclosure"/> allows.</summary>
    /// <param name="who">What threw (for example <c>output Uplink.Output.Folder</c>).</param>
    /// <param name="exception">The exception.</param>
    /// <returns>For example <c>output Uplink.Output.Folder threw IOException</c>.</returns>
    public static string Describe(string who, Exception exception) => ExceptionDisclosure.Threw(who, exception);
}
