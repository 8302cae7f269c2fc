using System.Text.Json;
using McMaster.NETCore.Plugins;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Uplink.Dicom;
using Uplink.Plugins.Abstractions;
using Uplink.Plugins.Abstractions.Profiles;

namespace Uplink.Host.Commands;

/// <summary>
/// Loads the profile plugins for the profile verbs: each plugin folder under <c>plugins/</c> (beside the
/// binary, or <c>--plugins DIR</c>) whose manifest declares the Profile kind, or, without a manifest, whose
/// name says Profiles; each in its own load context, sharing only the contracts and the codec.
/// </summary>
/// <remarks>The service's plugin catalog (issue 3) does the same with trust checks; the verbs can move to it.</remarks>
internal sealed class ProfilesLoader(TimeProvider time)
{
    /// <summary>The default plugins folder: <c>plugins/</c> beside the binary.</summary>
    public static string DefaultFolder => Path.Combine(AppContext.BaseDirectory, "plugins");

    /// <summary>Loads every profile, or reports why a plugin could not be loaded.</summary>
    /// <param name="folder">The plugins folder.</param>
    /// <param name="problems">Where load failures are reported, one line each.</param>
    /// <returns>The profiles, by id.</returns>
    public IReadOnlyList<IAnonymizationProfile> Load(string folder, TextWriter problems)
    {
        var profiles = new List<IAnonymizationProfile>();
        folder = Path.GetFullPath(folder);
        if (!Directory.Exists(folder))
        {
            problems.WriteLine($"uplink: plugins folder {folder} does not exist.");
            return profiles;
        }

        foreach (var pluginFolder in Directory.GetDirectories(folder).Order(StringComparer.Ordinal))
        {
            var entry = EntryAssembly(pluginFolder);
            if (entry is null)
            {
                continue;
            }

            try
            {
                profiles.AddRange(LoadPlugin(Path.GetFileName(pluginFolder), entry));
            }
            catch (Exception e) when (e is IOException or ArgumentException or BadImageFormatException or TypeLoadException or InvalidOperationException or MissingMethodException)
            {
                problems.WriteLine($"uplink: profile plugin {Path.GetFileName(pluginFolder)} refused: {e.GetType().Name}: {e.Message}");
            }
        }

        return profiles;
    }

    private IEnumerable<IAnonymizationProfile> LoadPlugin(string pluginId, string assemblyPath)
    {
        var loader = PluginLoader.CreateFromAssemblyFile(
            assemblyPath,
            [typeof(IUplinkPlugin), typeof(IAnonymizationProfile), typeof(DicomFile), typeof(IServiceCollection), typeof(IConfiguration)],
            config => config.PreferSharedTypes = true);
        var assembly = loader.LoadDefaultAssembly();
        var profiles = new List<IAnonymizationProfile>();
        foreach (var type in assembly.GetExportedTypes().Where(t => typeof(IUplinkPlugin).IsAssignableFrom(t) && t is { IsAbstract: false }))
        {
            var plugin = (IUplinkPlugin)Activator.CreateInstance(type)!;
            var services = new ServiceCollection();
            plugin.ConfigureServices(services, new ProfilesPluginContext(pluginId, time));
            profiles.AddRange(services.BuildServiceProvider().GetServices<IAnonymizationProfile>());
        }

        return profiles;
    }

    private static string? EntryAssembly(string pluginFolder)
    {
        var name = Path.GetFileName(pluginFolder);
        var manifest = Path.Combine(pluginFolder, "plugin.json");
        if (File.Exists(manifest))
        {
            using var json = JsonDocument.Parse(File.ReadAllText(manifest));
            var root = json.RootElement;
            var kinds = root.TryGetProperty("kinds", out var k) && k.ValueKind == JsonValueKind.Array ? k.EnumerateArray().Select(e => e.GetString()).ToArray() : [];
            if (!kinds.Contains(nameof(PluginKind.Profile), StringComparer.OrdinalIgnoreCase))
            {
                return null;
            }

            foreach (var property in new[] { "entryAssembly", "entry", "assembly" })
            {
                if (root.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String)
                {
                    return Path.Combine(pluginFolder, value.GetString()!);
                }
            }
        }
        else if (!name.Contains("Profiles", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var dll = Path.Combine(pluginFolder, name + ".dll");
        return File.Exists(dll) ? dll : null;
    }
}
