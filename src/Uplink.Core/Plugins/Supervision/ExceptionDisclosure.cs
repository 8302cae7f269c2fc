namespace Uplink.Core.Plugins.Supervision;

/// <summary>
/// The one policy for what of an exception may be quoted in a reason (status API, audit, plugin status) or a
/// log template: its type name, never its message. A message may quote what the code was working on (a tag's
/// value, a file name, a recipient), and a plugin's message is text the host cannot vet.
/// </summary>
internal static class ExceptionDisclosure
{
    /// <summary>What of <paramref name="exception"/> may be quoted.</summary>
    /// <param name="exception">The exception.</param>
    /// <returns>Its type name, for example <c>IOException</c>.</returns>
    public static string Describe(Exception exception) => exception.GetType().Name;

    /// <summary>A reason for an exception that someone threw.</summary>
    /// <param name="who">What threw (for example <c>output Uplink.Output.Folder</c>).</param>
    /// <param name="exception">The exception.</param>
    /// <returns>For example <c>output Uplink.Output.Folder threw IOException</c>.</returns>
    public static string Threw(string who, Exception exception) => $"{who} threw {Describe(exception)}";

    /// <summary>
    /// The message of an exception the host's own start-up code threw about its own setup (site secrets, key
    /// files): it is an instruction for the admin and carries no patient data. Never for a plugin's exception.
    /// </summary>
    /// <param name="exception">The host's exception.</param>
    /// <returns>Its message.</returns>
    public static string DescribeHostSetupFault(Exception exception) => exception.Message;
}
