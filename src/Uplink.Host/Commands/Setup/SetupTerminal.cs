namespace Uplink.Host.Commands.Setup;

/// <summary>What the setup wizard talks to: the keyboard, whether it is a real terminal, and how to clear a screen.</summary>
/// <param name="input">Where answers come from.</param>
/// <param name="isInteractive">Whether a person is at a terminal (the wizard only runs then).</param>
/// <param name="clear">Clears the screen between wizard screens.</param>
/// <param name="readSecret">Reads a secret without showing it; by default a line of <paramref name="input"/>.</param>
internal sealed class SetupTerminal(TextReader input, bool isInteractive, Action clear, Func<string?>? readSecret = null)
{
    /// <summary>Where answers come from.</summary>
    public TextReader Input { get; } = input;

    /// <summary>Whether a person is at a terminal.</summary>
    public bool IsInteractive { get; } = isInteractive;

    /// <summary>Clears the screen.</summary>
    public void Clear() => clear();

    /// <summary>Reads a secret (a token, a key) without showing it on the screen.</summary>
    /// <returns>The line, or null at the end of input.</returns>
    public string? ReadSecret() => readSecret is null ? Input.ReadLine() : readSecret();

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
        }, interactive ? ReadHidden : null);
    }

    private static string? ReadHidden()
    {
        var secret = new System.Text.StringBuilder();
        while (Console.ReadKey(intercept: true) is var key && key.Key != ConsoleKey.Enter)
        {
            if (key.Key == ConsoleKey.Backspace)
            {
                secret.Length = Math.Max(0, secret.Length - 1);
            }
            else if (!char.IsControl(key.KeyChar))
            {
                secret.Append(key.KeyChar);
            }
        }

        Console.WriteLine();
        return secret.ToString();
    }
}
