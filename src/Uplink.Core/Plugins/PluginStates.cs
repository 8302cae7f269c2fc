namespace Uplink.Core.Plugins;

/// <summary>The live status of every plugin found: written by loading and by supervision, read by reports.</summary>
public sealed class PluginStates
{
    private readonly Lock _lock = new();
    private readonly List<PluginState> _states = [];

    /// <summary>Creates an empty set; only the plugin system fills it.</summary>
    internal PluginStates()
    {
    }

    /// <summary>Every plugin, in the order found.</summary>
    public IReadOnlyList<PluginState> All
    {
        get
        {
            lock (_lock)
            {
                return [.. _states];
            }
        }
    }

    /// <summary>The state of one plugin, or null.</summary>
    /// <param name="pluginId">The plugin id.</param>
    /// <returns>The first state with that id (duplicates share an id), or null.</returns>
    public PluginState? Find(string pluginId)
    {
        lock (_lock)
        {
            return _states.Find(s => string.Equals(s.Id, pluginId, StringComparison.OrdinalIgnoreCase));
        }
    }

    /// <summary>Adds a plugin's state.</summary>
    /// <param name="state">The state.</param>
    internal void Add(PluginState state)
    {
        lock (_lock)
        {
            _states.Add(state);
        }
    }

    /// <summary>Marks a loaded plugin faulted: its running work threw and is retried.</summary>
    /// <param name="pluginId">The plugin id.</param>
    /// <param name="reason">What happened.</param>
    internal void MarkFaulted(string pluginId, string reason) => Update(pluginId, PluginStatus.Faulted, reason);

    /// <summary>Marks a faulted plugin healthy again.</summary>
    /// <param name="pluginId">The plugin id.</param>
    internal void MarkRecovered(string pluginId) => Update(pluginId, PluginStatus.Loaded, null);

    private void Update(string pluginId, PluginStatus status, string? reason)
    {
        lock (_lock)
        {
            var index = _states.FindIndex(s => string.Equals(s.Id, pluginId, StringComparison.OrdinalIgnoreCase)
                && s.Status is PluginStatus.Loaded or PluginStatus.Faulted);
            if (index >= 0 && (_states[index].Status != status || _states[index].Reason != reason))
            {
                _states[index] = _states[index] with { Status = status, Reason = reason };
            }
        }
    }
}
