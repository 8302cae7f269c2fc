namespace Uplink.Host.Hosting;

/// <summary>The <c>--name value</c> options and positional words of a verb's arguments.</summary>
internal sealed class CommandLineOptions
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    private CommandLineOptions()
    {
    }

    /// <summary>The arguments that are not options, in order.</summary>
    public List<string> Positional { get; } = [];

    /// <summary>Parses arguments against the option names a verb accepts.</summary>
    /// <param name="args">The arguments after the verb.</param>
    /// <param name="known">The accepted option names, with their dashes (for example <c>--config</c>).</param>
    /// <param name="error">What is wrong, when parsing fails.</param>
    /// <returns>The options, or null.</returns>
    public static CommandLineOptions? Parse(IReadOnlyList<string> args, IReadOnlyCollection<string> known, out string? error)
    {
        var result = new CommandLineOptions();
        error = null;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                result.Positional.Add(arg);
                continue;
            }

            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var name = equals > 0 ? arg[..equals] : arg;
            if (!known.Contains(name))
            {
                error = $"unknown option '{name}' (accepted: {string.Join(", ", known)})";
                return null;
            }

            if (equals > 0)
            {
                result._values[name] = arg[(equals + 1)..];
            }
            else if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                result._values[name] = args[++i];
            }
            else
            {
                error = $"option '{name}' needs a value";
                return null;
            }
        }

        return result;
    }

    /// <summary>The value of an option, or null.</summary>
    /// <param name="name">The option, with its dashes.</param>
    /// <returns>The value, or null.</returns>
    public string? Get(string name) => _values.GetValueOrDefault(name);
}
