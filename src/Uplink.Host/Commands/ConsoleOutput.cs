namespace Uplink.Host.Commands;

/// <summary>Where commands write: standard output and error, swappable in tests.</summary>
internal sealed class ConsoleOutput(TextWriter? output = null, TextWriter? error = null)
{
    /// <summary>Standard output.</summary>
    public TextWriter Out { get; } = output ?? Console.Out;

    /// <summary>Standard error.</summary>
    public TextWriter Error { get; } = error ?? Console.Error;
}
