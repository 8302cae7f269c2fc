using System.Globalization;

namespace Uplink.Host.Commands.Tricefy;

/// <summary>The <c>--name value</c> options of the <c>tricefy</c> verbs, with errors that name the option.</summary>
internal sealed class TricefyArguments
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    private TricefyArguments()
    {
    }

    /// <summary>Parses the arguments; <paramref name="error"/> names the first one that is wrong.</summary>
    public static TricefyArguments? Parse(IReadOnlyList<string> args, IReadOnlySet<string> options, IReadOnlySet<string> flags, out string? error)
    {
        var parsed = new TricefyArguments();
        for (var i = 0; i < args.Count; i++)
        {
            if (flags.Contains(args[i]))
            {
                parsed._flags.Add(args[i]);
            }
            else if (options.Contains(args[i]) && i + 1 < args.Count)
            {
                parsed._values[args[i]] = args[++i];
            }
            else
            {
                error = options.Contains(args[i]) ? $"option '{args[i]}' needs a value" : $"unknown argument '{args[i]}'";
                return null;
            }
        }

        error = null;
        return parsed;
    }

    public string? Get(string option) => _values.GetValueOrDefault(option);

    public bool Has(string flag) => _flags.Contains(flag);

    public int? GetInt(string option, out string? error)
    {
        error = null;
        if (Get(option) is not { } text)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        error = $"option '{option}' needs a whole number, got '{text}'";
        return null;
    }
}
