using System.Globalization;

namespace Uplink.Core.Plugins.Manifest;

/// <summary>
/// A range of contracts versions such as <c>&gt;=1.0 &lt;2.0</c>: space-separated comparisons
/// (<c>&gt;=</c>, <c>&gt;</c>, <c>&lt;=</c>, <c>&lt;</c>, <c>=</c>) of <c>major.minor</c> versions, all of which must hold.
/// </summary>
internal sealed class ContractsRange
{
    private readonly (string Operator, Version Bound)[] _terms;

    private ContractsRange(string text, (string, Version)[] terms)
    {
        Text = text;
        _terms = terms;
    }

    /// <summary>The range as written in the manifest.</summary>
    public string Text { get; }

    /// <summary>Parses a range.</summary>
    /// <param name="text">The range text.</param>
    /// <returns>The range.</returns>
    /// <exception cref="FormatException">The text is not a range; the message names the bad term.</exception>
    internal static ContractsRange Parse(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length == 0)
        {
            throw new FormatException("the range is empty (expected for example \">=1.0 <2.0\")");
        }

        var terms = new (string, Version)[words.Length];
        for (var i = 0; i < words.Length; i++)
        {
            var word = words[i];
            var op = word.StartsWith(">=", StringComparison.Ordinal) || word.StartsWith("<=", StringComparison.Ordinal) ? word[..2]
                : word.StartsWith('>') || word.StartsWith('<') || word.StartsWith('=') ? word[..1]
                : "=";
            var number = word[(op == "=" && !word.StartsWith('=') ? 0 : op.Length)..];
            if (!TryParseVersion(number, out var bound))
            {
                throw new FormatException($"term '{word}' is not a comparison of a major.minor version (expected for example \">=1.0 <2.0\")");
            }

            terms[i] = (op, bound);
        }

        return new ContractsRange(text, terms);
    }

    /// <summary>Whether a contracts version is in the range.</summary>
    /// <param name="major">The major version.</param>
    /// <param name="minor">The minor version.</param>
    /// <returns>True when every term holds.</returns>
    internal bool Includes(int major, int minor)
    {
        var version = new Version(major, minor);
        return _terms.All(t => t.Operator switch
        {
            ">=" => version >= t.Bound,
            ">" => version > t.Bound,
            "<=" => version <= t.Bound,
            "<" => version < t.Bound,
            _ => version == t.Bound,
        });
    }

    /// <inheritdoc />
    public override string ToString() => Text;

    private static bool TryParseVersion(string text, out Version version)
    {
        version = new Version(0, 0);
        var parts = text.Split('.');
        if (parts.Length is < 1 or > 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major))
        {
            return false;
        }

        var minor = 0;
        if (parts.Length == 2 && !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out minor))
        {
            return false;
        }

        version = new Version(major, minor);
        return true;
    }
}
