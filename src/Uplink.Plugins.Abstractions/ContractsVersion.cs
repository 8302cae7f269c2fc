namespace Uplink.Plugins.Abstractions;

/// <summary>The version of these contracts, which a plugin's manifest range must include.</summary>
public static class ContractsVersion
{
    /// <summary>The major version: a plugin built for another major is refused before it loads.</summary>
    public const int Major = 1;

    /// <summary>The minor version: members are only ever added within a major version.</summary>
    public const int Minor = 3;

    /// <summary>The version as text, <c>major.minor</c>.</summary>
    public static string Text => $"{Major}.{Minor}";
}
