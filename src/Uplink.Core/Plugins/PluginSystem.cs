using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Uplink.Core.Plugins.Loading;
using Uplink.Core.Plugins.Supervision;
using Uplink.Core.Plugins.Trust;

namespace Uplink.Core.Plugins;

/// <summary>
/// The plugins of one run: discovered, checked (manifest, contracts, duplicates, trust), the selected
/// ones loaded and configured, and the rest reported. The same code serves <c>uplink run</c>,
/// <c>uplink plugins</c> and the integration tests. Disposing it releases the plugins' providers.
/// </summary>
public sealed class PluginSystem : IDisposable
{
    private readonly List<LoadedPlugin> _loaded;
    private readonly List<GuardedPluginSetup> _setups;

    private PluginSystem(PluginStates states, List<LoadedPlugin> loaded, List<GuardedPluginSetup> setups, ActivePlugins active, TimeSpan elapsed)
    {
        States = states;
        _loaded = loaded;
        _setups = setups;
        Active = active;
        Elapsed = elapsed;
    }

    /// <summary>The status of every plugin found (and of selected ones that are missing).</summary>
    public PluginStates States { get; }

    /// <summary>The selected plugins that loaded, wrapped for the pipeline.</summary>
    internal ActivePlugins Active { get; }

    /// <summary>The plugins that loaded.</summary>
    internal IReadOnlyList<LoadedPlugin> Loaded => _loaded;

    /// <summary>How many plugins loaded.</summary>
    public int LoadedCount => _loaded.Count;

    /// <summary>Why the active profile is unavailable, or <see langword="null"/> when it is available.</summary>
    public string? ProfileProblem => Active.ProfileProblem;

    /// <summary>The ids of the active outputs that loaded, in configuration order.</summary>
    public IReadOnlyList<string> OutputIds => [.. Active.Outputs.Select(o => o.PluginId)];

    /// <summary>The id of the loaded plugin whose load context holds <paramref name="assembly"/>, or null (the host's own code).</summary>
    /// <param name="assembly">An assembly, e.g. from an unhandled exception's stack.</param>
    /// <returns>The plugin id, or <see langword="null"/>.</returns>
    public string? OwnerOf(System.Reflection.Assembly assembly)
    {
        var context = System.Runtime.Loader.AssemblyLoadContext.GetLoadContext(assembly);
        return _loaded.FirstOrDefault(p => ReferenceEquals(p.Assembly.LoadContext, context))?.Manifest.Id;
    }

    /// <summary>
    /// The setup contracts of the active plugins whose entry class implements it, in folder order, also of those
    /// refused while configuring (a missing setting is what setup gives them).
    /// </summary>
    public IReadOnlyList<GuardedPluginSetup> Setups => _setups;

    /// <summary>How long discovery, checks and loading took.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>
    /// Discovers, checks and loads plugins, each into its own load context: the one way the host's commands
    /// and <c>uplink run</c> load them. Never throws for a bad plugin: it is refused and reported.
    /// </summary>
    /// <param name="settings">Where plugins, data and the bundled lists are.</param>
    /// <param name="selection">What the configuration selects.</param>
    /// <param name="pluginSettings">The configuration section holding one sub-section per plugin id.</param>
    /// <param name="loggerFactory">The host's logger factory (plugins log through it too).</param>
    /// <param name="time">The host's clock.</param>
    /// <returns>The loaded system (dispose to release the plugins).</returns>
    public static PluginSystem Load(PluginHostSettings settings, PluginSelection selection, IConfiguration pluginSettings, ILoggerFactory loggerFactory, TimeProvider time)
    {
        var clock = Stopwatch.StartNew();
        var logger = loggerFactory.CreateLogger("Uplink.Plugins");
        var trust = new PluginTrust(new BundledPluginList(settings.BundledDirectory), TrustStore.InDataDirectory(settings.DataDirectory), time);
        var activator = new PluginActivator(new McMasterPluginAssemblyLoader(), loggerFactory, time);
        var states = new PluginStates();
        var loaded = new List<LoadedPlugin>();
        var setups = new List<GuardedPluginSetup>();
        var candidates = PluginCatalog.Discover(settings.PluginsDirectory);

        // Trust checks and loading are independent per plugin: run them in parallel, report in folder order.
        var outcomes = new (PluginState State, LoadedPlugin? Plugin, GuardedPluginSetup? Setup, double ElapsedMs)[candidates.Count];
        Parallel.For(0, candidates.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
            outcomes[i] = Examine(candidates[i], selection, settings, pluginSettings, trust, activator));

        foreach (var (state, plugin, setup, elapsedMs) in outcomes)
        {
            states.Add(state);
            if (setup is not null)
            {
                setups.Add(setup);
            }

            if (plugin is not null)
            {
                loaded.Add(plugin);
                PluginLog.Loaded(logger, plugin.Manifest.Id, plugin.Manifest.Version, plugin.LoadTime.TotalMilliseconds,
                    string.Join(", ", plugin.Manifest.Kinds), state.Trust!.Source.ToString(), plugin.Assembly.LoadContext.Name ?? "own context");
            }
            else if (elapsedMs > 0)
            {
                PluginLog.RefusedWhileLoading(logger, state.Id, state.Status, elapsedMs, state.Reason ?? "no reason given");
            }
            else if (state.IsRefused)
            {
                PluginLog.Refused(logger, state.Id, state.Status, state.Reason ?? "no reason given");
            }
        }

        foreach (var id in selection.ActiveIds.Where(id => !candidates.Any(c => string.Equals(c.Id, id, StringComparison.OrdinalIgnoreCase))))
        {
            states.Add(new PluginState(id, null, null, null, true, selection.Why(id), null, PluginStatus.Missing, $"no folder in {settings.PluginsDirectory} declares id {id}"));
            PluginLog.Missing(logger, id, selection.ExpertCode, settings.PluginsDirectory);
        }

        var activePlugins = new ActivePlugins(selection, loaded, states, logger);
        if (activePlugins.ProfileProblem is { } problem)
        {
            PluginLog.ProfileUnavailable(logger, problem);
        }

        var all = states.All;
        PluginLog.Summary(logger, settings.PluginsDirectory, loaded.Count, all.Count(s => s.IsRefused), all.Count(s => s.Status == PluginStatus.NotActive), clock.Elapsed.TotalMilliseconds);
        return new PluginSystem(states, loaded, setups, activePlugins, clock.Elapsed);
    }

    private static (PluginState State, LoadedPlugin? Plugin, GuardedPluginSetup? Setup, double ElapsedMs) Examine(
        PluginCandidate candidate, PluginSelection selection, PluginHostSettings settings, IConfiguration pluginSettings, PluginTrust trust, PluginActivator activator)
    {
        var active = selection.IsActive(candidate.Id);
        var why = selection.Why(candidate.Id);
        if (candidate.Refusal is { } refusal)
        {
            return (new PluginState(candidate.Id, candidate.Directory, candidate.Manifest?.Version, candidate.Manifest?.Kinds, active, why, null, refusal, candidate.Reason), null, null, 0);
        }

        var manifest = candidate.Manifest!;
        var decision = trust.Check(manifest, candidate.Directory);
        if (!decision.IsTrusted)
        {
            var status = decision.Tampered ? PluginStatus.Tampered : PluginStatus.Untrusted;
            return (new PluginState(candidate.Id, candidate.Directory, manifest.Version, manifest.Kinds, active, why, decision, status, decision.Problem), null, null, 0);
        }

        if (!active)
        {
            return (new PluginState(candidate.Id, candidate.Directory, manifest.Version, manifest.Kinds, false, why, decision, PluginStatus.NotActive, null), null, null, 0);
        }

        var started = Stopwatch.GetTimestamp();
        var dataDirectory = Path.Combine(settings.DataDirectory, "plugins", manifest.Id);
        var result = activator.Activate(manifest, candidate.Directory, pluginSettings.GetSection(manifest.Id), dataDirectory);
        return (new PluginState(candidate.Id, candidate.Directory, manifest.Version, manifest.Kinds, true, why, decision, result.Status, result.Reason),
            result.Plugin, result.Setup, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var plugin in _loaded)
        {
            plugin.Dispose();
        }

        _loaded.Clear();
        foreach (var setup in _setups)
        {
            setup.Dispose();
        }

        _setups.Clear();
    }
}
