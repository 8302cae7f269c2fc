using System.Reflection;
using Uplink.Profiles.Builtin.Documents;
using Uplink.Profiles.Builtin.Engine;

namespace Uplink.Profiles.Builtin;

/// <summary>The profiles carried inside this assembly (<c>profiles/*.profile.json</c> at build time), with every option combination.</summary>
internal static class BuiltinProfiles
{
    private static readonly Lazy<IReadOnlyList<ProfileDefinition>> All = new(Load);

    /// <summary>Every built-in profile definition.</summary>
    public static IReadOnlyList<ProfileDefinition> Definitions => All.Value;

    private static IReadOnlyList<ProfileDefinition> Load()
    {
        var assembly = typeof(BuiltinProfiles).Assembly;
        return [.. assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("profiles/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .SelectMany(n => ProfileDocumentReader.Read(ReadResource(assembly, n), n))];
    }

    private static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
