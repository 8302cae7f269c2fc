namespace Uplink.Host.Commands;

/// <summary>Process exit codes shared by every verb.</summary>
internal static class ExitCodes
{
    /// <summary>Everything worked.</summary>
    public const int Success = 0;

    /// <summary>The work ran and some input failed (a file did not parse, an instance was set aside).</summary>
    public const int Failed = 1;

    /// <summary>The command line itself is wrong.</summary>
    public const int Usage = 2;

    /// <summary>The exit codes section of a verb's help.</summary>
    /// <param name="failure">What <see cref="Failed"/> means for the verb.</param>
    /// <returns>The lines.</returns>
    public static string Describe(string failure) =>
        $"""
        Exit codes:
          {Success}  success
          {Failed}  {failure}
          {Usage}  the command line is wrong (unknown option, missing or bad value)
        """;
}
