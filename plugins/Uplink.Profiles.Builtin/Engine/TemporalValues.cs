namespace Uplink.Profiles.Builtin.Engine;

/// <summary>The date and time reductions of the strict profile, value by value (multiple values split on <c>\</c>).</summary>
internal static class TemporalValues
{
    /// <summary>The value every non-empty time becomes.</summary>
    public const string ZeroTime = "000000.00";

    /// <summary>Keeps a DA or DT to 1 January of its year: <c>20231017</c> becomes <c>20230101</c>; a value without a year becomes empty.</summary>
    /// <param name="value">The value (possibly multi-valued).</param>
    /// <returns>The reduced value.</returns>
    public static string ToYear(string value) => Map(value, v => HasYear(v) ? string.Concat(v.AsSpan(0, 4), "0101") : string.Empty);

    /// <summary>Keeps a date to 1 January of its decade: <c>19930412</c> becomes <c>19900101</c>.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The reduced value.</returns>
    public static string ToDecade(string value) => Map(value, v => HasYear(v) ? string.Concat(v.AsSpan(0, 3), "00101") : string.Empty);

    /// <summary>Replaces every non-empty time by <c>000000.00</c>.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The nulled value.</returns>
    public static string ToZero(string value) => Map(value, v => v.Length == 0 ? string.Empty : ZeroTime);

    private static bool HasYear(string value) => value.Length >= 4 && value.AsSpan(0, 4).ContainsAnyExceptInRange('0', '9') is false;

    private static string Map(string value, Func<string, string> map) =>
        string.Join('\\', value.Split('\\').Select(v => map(v.Trim())));
}
