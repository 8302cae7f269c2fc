using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Uplink.Core.Configuration;
using Uplink.Core.Plugins;
using Uplink.Core.Plugins.Supervision;
using Uplink.Core.Site;
using Uplink.Host.Hosting;
using Uplink.Plugins.Abstractions.Setup;

namespace Uplink.Host.Commands.Setup;

/// <summary>
/// The part of <c>uplink setup</c> that knows no plugin: for each active plugin's declared settings it takes the
/// installer's value (plain from <c>--setting</c>, sealed from the plugin's environment variable), validates it with
/// the plugin's rule, writes or seals it, generates a key the plugin asks to have generated, and runs the plugin's
/// check when the installer gave it something. Secrets are never printed.
/// </summary>
/// <param name="choice">What setup wrote.</param>
/// <param name="system">The plugins, loaded with the written configuration.</param>
/// <param name="given">The <c>--setting</c> values by plugin id and key.</param>
/// <param name="readVariable">Reads an environment variable.</param>
/// <param name="console">Where to print.</param>
internal sealed class PluginSetupStep(
    SetupChoice choice,
    PluginSystem system,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> given,
    Func<string, string?> readVariable,
    ConsoleOutput console)
{
    /// <summary>The plugin settings of the configuration this run replaced, or null: declared settings it held are kept.</summary>
    public JsonObject? Previous { get; init; }

    /// <summary>
    /// The wizard's question for a setting nobody passed (plugin id, setting, the configured value or "(set)" for a
    /// secret), or null when not on a terminal; its null answer keeps what is configured.
    /// </summary>
    public Func<string, SetupSetting, string?, string?>? Ask { get; init; }

    /// <summary>Applies every plugin's settings and runs the checks.</summary>
    /// <param name="cancellationToken">Cancels the checks.</param>
    /// <returns>The exit code.</returns>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var unknown = Unknown();
        if (unknown is not null)
        {
            await console.Error.WriteLineAsync($"uplink setup: {unknown}; the configuration was written without it.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        var result = ExitCodes.Success;
        foreach (var setup in system.Setups)
        {
            var outcome = await ApplyAsync(setup, cancellationToken).ConfigureAwait(false);
            result = outcome == ExitCodes.Success ? result : outcome;
        }

        return result;
    }

    private async Task<int> ApplyAsync(GuardedPluginSetup setup, CancellationToken cancellationToken)
    {
        if (setup.SettingsProblem is { } problem)
        {
            await console.Error.WriteLineAsync($"uplink setup: {problem}.").ConfigureAwait(false);
            return ExitCodes.Failed;
        }

        var id = setup.PluginId;
        var plain = given.GetValueOrDefault(id);
        var configured = Configured(id);
        foreach (var setting in setup.Settings.Where(s => string.IsNullOrEmpty(configured[s.Key])))
        {
            if (Previous?[id]?[setting.Key] is JsonValue kept && kept.TryGetValue<string>(out var value) && value.Length > 0)
            {
                SiteFolder.SetPluginSetting(choice.ConfigPath, id, setting.Key, value);
            }
        }

        configured = Configured(id);
        var touched = false;
        foreach (var setting in setup.Settings)
        {
            var value = setting.IsSealed ? readVariable(setting.EnvironmentVariable!)?.Trim() : plain?.GetValueOrDefault(setting.Key);
            if (string.IsNullOrEmpty(value) && Ask is not null)
            {
                var current = configured[setting.Key] is { Length: > 0 } set ? (setting.IsSealed ? "(set)" : set) : null;
                value = Ask(id, setting, current);
            }
            var generated = false;
            if (string.IsNullOrEmpty(value))
            {
                if (!setting.IsGenerated || !string.IsNullOrEmpty(configured[setting.Key]))
                {
                    continue;
                }

                value = SetupCommand.NewKey();
                generated = true;
            }

            if (setting.Validate(value) is { } wrong)
            {
                await console.Error.WriteLineAsync($"uplink setup: {id}: {wrong}; the configuration was written without it.").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            await StoreAsync(id, setting, value, generated).ConfigureAwait(false);
            touched |= !generated;
        }

        if (!touched)
        {
            return ExitCodes.Success;
        }

        configured = Configured(id);
        var missing = setup.Settings.Where(s => s.IsRequired && string.IsNullOrEmpty(configured[s.Key])).ToList();
        if (missing.Count > 0)
        {
            var needs = string.Join("; ", missing.Select(s => $"{s.Key} ({s.Prompt}) {(s.IsSealed ? $"in {s.EnvironmentVariable}" : $"with --setting {id}:{s.Key}=VALUE")}"));
            await console.Error.WriteLineAsync($"uplink setup: {id} needs {needs}; the configuration was written without it.").ConfigureAwait(false);
            return ExitCodes.Failed;
        }

        var check = await setup.CheckAsync(configured, cancellationToken).ConfigureAwait(false);
        await (check.IsOk ? console.Out : console.Error).WriteLineAsync(check.IsOk
            ? $"{id}: {check.Message}"
            : $"uplink setup: the configuration is written, but {id}'s check failed: {check.Message}").ConfigureAwait(false);
        return check.IsOk ? ExitCodes.Success : ExitCodes.Failed;
    }

    private async Task StoreAsync(string pluginId, SetupSetting setting, string value, bool generated)
    {
        if (!setting.IsSealed)
        {
            SiteFolder.SetPluginSetting(choice.ConfigPath, pluginId, setting.Key, value);
            return;
        }

        var reference = SiteFolder.SealSetting(choice.DataDirectory, pluginId, setting.Key, value);
        SiteFolder.SetPluginSetting(choice.ConfigPath, pluginId, setting.Key, reference);
        await console.Out.WriteLineAsync(generated
            ? $"{pluginId}: {setting.Key} generated and sealed in {SiteFolder.SecretsDirectory(choice.DataDirectory)} (to choose it, run setup again with {setting.EnvironmentVariable} set)."
            : $"{pluginId}: {setting.Key} sealed in {SiteFolder.SecretsDirectory(choice.DataDirectory)}.").ConfigureAwait(false);
    }

    private IConfiguration Configured(string pluginId) =>
        UplinkConfigurationSource.Load(choice.ConfigPath).PluginSettings.GetSection(pluginId);

    private string? Unknown()
    {
        foreach (var (pluginId, settings) in given)
        {
            var setup = system.Setups.FirstOrDefault(s => string.Equals(s.PluginId, pluginId, StringComparison.OrdinalIgnoreCase));
            if (setup is null)
            {
                var asks = system.Setups.Count == 0 ? "none" : string.Join(", ", system.Setups.Select(s => s.PluginId));
                return $"--setting names {pluginId}, which is not an active plugin that asks for settings (those that do: {asks})";
            }

            foreach (var key in settings.Keys)
            {
                var declared = setup.Settings.FirstOrDefault(s => string.Equals(s.Key, key, StringComparison.OrdinalIgnoreCase));
                if (declared is null || declared.IsSealed)
                {
                    var plainKeys = string.Join(", ", setup.Settings.Where(s => !s.IsSealed).Select(s => s.Key));
                    return declared is null
                        ? $"{pluginId} asks for no setting '{key}' (its plain settings: {plainKeys})"
                        : $"{pluginId}:{declared.Key} is a secret: pass it in {declared.EnvironmentVariable}, never on the command line";
                }
            }
        }

        return null;
    }
}
