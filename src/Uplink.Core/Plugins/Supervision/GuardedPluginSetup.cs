using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Uplink.Core.Plugins.Loading;
using Uplink.Plugins.Abstractions.Setup;

namespace Uplink.Core.Plugins.Supervision;

/// <summary>
/// A plugin's <see cref="IPluginSetup"/>, the one place its setup calls are contained: a throw or a malformed answer
/// becomes a failed check (or no settings) naming the plugin and the exception's type, never its message. It exists
/// also for a plugin refused while configuring (its settings may be what is missing), and then keeps the plugin's
/// assembly loaded until disposed.
/// </summary>
public sealed class GuardedPluginSetup : IDisposable
{
    private readonly IPluginSetup _inner;
    private readonly IConfiguration _settings;
    private readonly string _dataDirectory;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private IDisposable? _owned;

    /// <summary>Wraps a plugin's setup.</summary>
    /// <param name="pluginId">The plugin id.</param>
    /// <param name="inner">The plugin's entry class.</param>
    /// <param name="settings">The plugin's settings section as configured (sealed values opened).</param>
    /// <param name="dataDirectory">The plugin's own data folder.</param>
    /// <param name="time">The host's clock.</param>
    /// <param name="logger">Where faults are logged.</param>
    internal GuardedPluginSetup(string pluginId, IPluginSetup inner, IConfiguration settings, string dataDirectory, TimeProvider time, ILogger logger)
    {
        PluginId = pluginId;
        _inner = inner;
        _settings = settings;
        _dataDirectory = dataDirectory;
        _time = time;
        _logger = logger;
        Settings = ReadSettings();
    }

    /// <summary>The plugin id.</summary>
    public string PluginId { get; }

    /// <summary>The settings the plugin asks for (empty when reading them failed; <see cref="SettingsProblem"/> says why).</summary>
    public IReadOnlyList<SetupSetting> Settings { get; }

    /// <summary>Why the plugin's settings could not be read, or null.</summary>
    public string? SettingsProblem { get; private set; }

    /// <summary>Keeps the plugin's assembly loaded for as long as this lives (a plugin refused while configuring).</summary>
    /// <param name="assembly">The assembly to release on <see cref="Dispose"/>.</param>
    internal void Own(IDisposable assembly) => _owned = assembly;

    /// <summary>Runs the plugin's check with its configured settings.</summary>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>The plugin's outcome, or a failure naming what went wrong in it.</returns>
    public Task<SetupCheck> CheckAsync(CancellationToken cancellationToken) => CheckAsync(_settings, cancellationToken);

    /// <summary>Runs the plugin's check with the given settings (those setup has just written).</summary>
    /// <param name="settings">The plugin's settings section, sealed values opened.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>The plugin's outcome, or a failure naming what went wrong in it.</returns>
    public async Task<SetupCheck> CheckAsync(IConfiguration settings, CancellationToken cancellationToken)
    {
        try
        {
            var context = new PluginContext(PluginId, settings, _dataDirectory, _time);
            return await _inner.CheckAsync(context, cancellationToken).ConfigureAwait(false)
                ?? SetupCheck.Failed($"plugin {PluginId} returned no outcome from its check");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            PluginLog.Faulted(_logger, PluginId, nameof(IPluginSetup.CheckAsync), ExceptionDisclosure.Describe(ex));
            return SetupCheck.Failed(ExceptionDisclosure.Threw($"plugin {PluginId}'s check", ex));
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _owned?.Dispose();
        _owned = null;
    }

    private IReadOnlyList<SetupSetting> ReadSettings()
    {
        try
        {
            var settings = _inner.Settings;
            if (settings is null || settings.Any(s => s is null))
            {
                SettingsProblem = $"plugin {PluginId} declared no list of setup settings, or a null one";
                return [];
            }

            return [.. settings];
        }
        catch (Exception ex)
        {
            PluginLog.Faulted(_logger, PluginId, nameof(IPluginSetup.Settings), ExceptionDisclosure.Describe(ex));
            SettingsProblem = ExceptionDisclosure.Threw($"plugin {PluginId}'s setup settings", ex);
            return [];
        }
    }
}
