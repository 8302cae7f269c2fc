using Microsoft.Extensions.Logging.Abstractions;
using Uplink.Core.Plugins;
using Uplink.Core.Plugins.Supervision;
using Uplink.Plugins.Abstractions;
using Uplink.Plugins.Abstractions.Profiles;

namespace Uplink.Host.Commands.Profiles;

/// <summary>The profiles of the trusted profile plugins that loaded, each guarded like the service guards it.</summary>
internal sealed class LoadedProfiles : IDisposable
{
    private readonly PluginSystem _system;
    private readonly string? _temporaryData;

    /// <summary>Reads the profiles of the loaded profile plugins; a profile whose descriptor throws is reported and left out.</summary>
    /// <param name="system">The loaded plugins (owned: disposed with this).</param>
    /// <param name="temporaryData">A temporary data folder to delete with this, or null.</param>
    /// <param name="problems">Where a profile whose descriptor throws is reported.</param>
    public LoadedProfiles(PluginSystem system, string? temporaryData, TextWriter problems)
    {
        _system = system;
        _temporaryData = temporaryData;
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

        All = profiles;
    }

    /// <summary>Every profile, in plugin folder order.</summary>
    public IReadOnlyList<IAnonymizationProfile> All { get; }

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
