using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Uplink.Core.Plugins.Supervision;
using Uplink.Plugins.Abstractions;
using Uplink.Plugins.Abstractions.Profiles;

namespace Uplink.Core.Plugins;

/// <summary>
/// The profiles of every trusted profile plugin in a plugins folder, loaded through <see cref="PluginSystem"/>
/// exactly as <c>uplink run</c> loads them (manifest, contracts range, SHA-256 trust, own load context) and
/// each guarded like the service guards the active profile. The profile verbs use it.
/// </summary>
public sealed class LoadedProfiles : IDisposable
{
    private readonly PluginSystem _system;
    private readonly string? _temporaryData;

    private LoadedProfiles(PluginSystem system, string? temporaryData, IReadOnlyList<IAnonymizationProfile> all)
    {
        _system = system;
        _temporaryData = temporaryData;
        All = all;
    }

    /// <summary>Every profile, in plugin folder order.</summary>
    public IReadOnlyList<IAnonymizationProfile> All { get; }

    /// <summary>
    /// Loads every plugin of kind Profile in the plugins folder. A refused plugin, or a profile whose descriptor
    /// throws, is reported (one line each) and left out.
    /// </summary>
    /// <param name="settings">Where plugins, data (admin approvals) and the bundled lists are.</param>
    /// <param name="pluginSettings">The configuration section holding one sub-section per plugin id.</param>
    /// <param name="time">The host's clock, handed to the plugins.</param>
    /// <param name="temporaryData">A temporary data folder to delete on dispose, or null.</param>
    /// <param name="problems">Where each refused plugin or profile is reported.</param>
    /// <returns>The profiles (dispose to unload them).</returns>
    public static LoadedProfiles Load(PluginHostSettings settings, IConfiguration pluginSettings, TimeProvider time, string? temporaryData, TextWriter problems)
    {
        var profilePlugins = PluginCatalog.Discover(settings.PluginsDirectory)
            .Where(c => c.Manifest?.Kinds.Contains(PluginKind.Profile) == true)
            .Select(c => c.Id)
            .ToArray();
        var selection = new PluginSelection("(profile verbs)", string.Empty, string.Empty, [], []) { Requested = profilePlugins };
        var system = PluginSystem.Load(settings, selection, pluginSettings, NullLoggerFactory.Instance, time);
        foreach (var refused in system.States.All.Where(s => s.IsRefused && (s.Kinds is null || s.Kinds.Contains(PluginKind.Profile))))
        {
            problems.WriteLine($"uplink: plugin {refused.Id} refused ({refused.Status}): {refused.Reason}");
        }

        var profiles = new List<IAnonymizationProfile>();
        foreach (var plugin in system.Loaded.Where(p => p.Manifest.Kinds.Contains(PluginKind.Profile)))
        {
            foreach (var profile in plugin.Profiles)
            {
                try
                {
                    profiles.Add(new GuardedProfile(plugin.Manifest.Id, profile, profile.Descriptor, system.States, NullLogger.Instance));
                }
                catch (Exception ex)
                {
                    problems.WriteLine($"uplink: a profile of plugin {plugin.Manifest.Id} refused: its descriptor threw {ex.GetType().Name}: {ex.Message}");
                }
            }
        }

        return new LoadedProfiles(system, temporaryData, profiles);
    }

    /// <summary>Finds a profile by id, ignoring case.</summary>
    /// <param name="id">The profile id.</param>
    /// <returns>The profile, or null.</returns>
    public IAnonymizationProfile? Find(string id) =>
        All.FirstOrDefault(p => string.Equals(p.Descriptor.Id, id, StringComparison.OrdinalIgnoreCase));

    /// <summary>The ids of every profile, for messages.</summary>
    public string Ids => All.Count == 0 ? "none" : string.Join(", ", All.Select(p => p.Descriptor.Id));

    /// <inheritdoc />
    public void Dispose()
    {
        _system.Dispose();
        if (_temporaryData is not null)
        {
            try
            {
                Directory.Delete(_temporaryData, recursive: true);
            }
            catch (IOException)
            {
                // A plugin may still hold a file; the OS cleans the temp folder.
            }
        }
    }
}
