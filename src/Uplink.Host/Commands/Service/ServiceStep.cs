namespace Uplink.Host.Commands.Service;

/// <summary>One program an install or uninstall runs, as an admin would type it.</summary>
/// <param name="Program">The program (<c>sc.exe</c>, <c>systemctl</c>, ...).</param>
/// <param name="Arguments">Its arguments, one per element, unquoted.</param>
/// <param name="MayFail">True when a failure is expected and harmless (stopping a service that is not running).</param>
internal sealed record ServiceStep(string Program, IReadOnlyList<string> Arguments, bool MayFail = false)
{
    /// <summary>The step as one shell line, arguments with spaces or quotes quoted.</summary>
    /// <returns>The line.</returns>
    public override string ToString() =>
        string.Join(' ', [Program, .. Arguments.Select(a => a.Length > 0 && !a.Any(c => char.IsWhiteSpace(c) || c is '"' or '\'') ? a : $"'{a.Replace("'", "'\\''", StringComparison.Ordinal)}'")]);
}
