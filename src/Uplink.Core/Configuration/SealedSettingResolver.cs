using Microsoft.Extensions.Configuration;
using Uplink.Core.Secrets;

namespace Uplink.Core.Configuration;

/// <summary>Replaces <c>sealed:NAME</c> plugin settings with their opened values, in memory only.</summary>
internal static class SealedSettingResolver
{
    /// <summary>Returns the configuration with every sealed plugin setting opened.</summary>
    /// <param name="root">The configuration as read from the file.</param>
    /// <param name="dataDirectory">The site's data folder, where the sealed files are.</param>
    /// <returns><paramref name="root"/> itself when nothing is sealed, else a root layering the opened values over it.</returns>
    public static IConfigurationRoot Resolve(IConfigurationRoot root, string dataDirectory)
    {
        var opened = root.GetSection($"{UplinkOptions.SectionName}:Plugins").AsEnumerable()
            .Where(pair => pair.Value?.StartsWith(SealedSettings.ReferencePrefix, StringComparison.Ordinal) == true)
            .ToDictionary(pair => pair.Key, pair => (string?)SealedSettings.Open(dataDirectory, pair.Value![SealedSettings.ReferencePrefix.Length..]), StringComparer.OrdinalIgnoreCase);
        return opened.Count == 0
            ? root
            : new ConfigurationBuilder().AddConfiguration(root).AddInMemoryCollection(opened).Build();
    }
}
