namespace Uplink.Host.Commands.Setup;

/// <summary>What the setup wizard talks to: the keyboard, whether it is a real terminal, and how to clear a screen.</summary>
/// <param name="input">Where answers come from.</param>
/// <param name="isInteractive">Whether a person is at a terminal (the wizard only runs then).</param>
/// <param name="clear">Clears the screen between wizard screens.</param>
internal sealed class SetupTerminal(TextReader input, bool isInteractive, Action clear)
{
    /// <summary>Where answers come from.</summary>
    public TextReader Input { get; } = input;

    /// <summary>Whether a person is at a terminal.</summary>
    public bool IsInteractive { get; } = isInteractive;

    /// <summary>Clears the screen.</summary>
    public void Clear() => clear();

    /// <summary>The process's console: interactive when neither input nor output is redirected.</summary>
    /// <returns>The terminal.</returns>
    public static SetupTerminal FromConsole()
    {
        var interactive = !Console.IsInputRedirected && !Console.IsOutputRedirected;
        return new SetupTerminal(Console.In, interactive, () =>
        {
            if (interactive)
            {
                Console.Clear();
            }
        });
    }
}
