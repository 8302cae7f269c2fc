using System.CommandLine;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging.Abstractions;
using Uplink.Core.Configuration;
using Uplink.Core.Plugins;
using Uplink.Core.Site;
using Uplink.Host.Hosting;
using Uplink.Plugins.Abstractions.Setup;

namespace Uplink.Host.Commands.Setup;

/// <summary>
/// <c>uplink setup --expert-code CODE [--config FILE] [--data DIR] [--plugins DIR] [--setting PLUGIN:KEY=VALUE]...</c>:
/// the installer step. Validates the code, writes the configuration, creates the site secrets when absent, then
/// gives each active plugin that declares setup settings (<see cref="Uplink.Plugins.Abstractions.Setup.IPluginSetup"/>)
/// its values: plain ones from <c>--setting</c>, sealed ones from the environment variable the plugin names (never
/// the command line, where other users could see them), generated ones when none is configured. A plugin given
/// a value has its check run. Without arguments on a terminal it runs <see cref="SetupWizard"/>.
/// </summary>
/// <param name="console">Where to print.</param>
/// <param name="terminal">The keyboard for the wizard; the process console by default.</param>
internal sealed class SetupCommand(ConsoleOutput console, SetupTerminal? terminal = null) : ICommand
{
    private readonly SetupTerminal _terminal = terminal ?? SetupTerminal.FromConsole();
    private readonly Option<string> _expertCode = new("--expert-code") { Description = "The expert code that selects the profile, inputs and outputs (e.g. Anon-LPU-O). Without any option on a terminal, a wizard asks.", HelpName = "CODE" };
    private readonly Option<string> _config = CommonOptions.Config();
    private readonly Option<string> _data = new("--data") { Description = "The data folder: site secrets, the share store, logs (default: the configuration's folder).", HelpName = "DIR" };
    private readonly Option<string> _plugins = CommonOptions.Plugins();
    private readonly Option<string[]> _settings = new("--setting")
    {
        Description = "A plain setting an active plugin asks for, e.g. Uplink.Output.Tricefy:Email=clinic@example.org (repeatable). Secrets are read from the environment variable the plugin names, never from here; the plugin's check runs after.",
        HelpName = "PLUGIN:KEY=VALUE",
        AllowMultipleArgumentsPerToken = false,
    };

    /// <inheritdoc />
    public string Name => "setup";

    /// <inheritdoc />
    public string Summary => "Installer step: applies an expert code, writes the configuration, site secrets and plugin settings.";

    /// <summary>Reads an environment variable (tests replace it).</summary>
    public Func<string, string?> ReadVariable { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>The expert codes file (tests point it elsewhere).</summary>
    public string CatalogPath { get; init; } = ExpertCodeCatalog.DefaultPath;

    /// <summary>The plugins folder the wizard writes when not the default beside the binary (tests point it at the built host's).</summary>
    public string? WizardPluginsDirectory { get; init; }

    /// <inheritdoc />
    public string Failure => "cancelled, a plugin's required setting is missing, or its check failed (the configuration is written)";

    /// <inheritdoc />
    public IReadOnlyList<Symbol> Symbols => [_expertCode, _config, _data, _plugins, _settings];

    /// <inheritdoc />
    public async Task<int> RunAsync(ParseResult parsed, CancellationToken cancellationToken)
    {
        var catalog = ExpertCodeCatalog.Load(CatalogPath);
        var configPath = Path.GetFullPath(parsed.GetValue(_config) ?? SiteFolder.DefaultConfigFile);
        var given = PluginSettingArguments.Parse(parsed.GetValue(_settings) ?? []);
        if (given.Problem is { } badSetting)
        {
            return await UsageAsync(badSetting).ConfigureAwait(false);
        }

        SetupChoice? choice;
        Func<string, SetupSetting, string?, string?>? ask = null;
        if (parsed.GetValue(_expertCode) is { } codeText)
        {
            var code = catalog.Find(codeText);
            if (code is null)
            {
                await console.Error.WriteLineAsync($"uplink setup: unknown expert code '{codeText}'. Valid codes: {string.Join(", ", catalog.Codes.Select(c => c.Code))}").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            var data = Path.GetFullPath(parsed.GetValue(_data) ?? Path.GetDirectoryName(configPath)!);
            choice = new SetupChoice(code, configPath, data, parsed.GetValue(_plugins));
        }
        else if (Symbols.All(s => parsed.GetResult(s) is null) && _terminal.IsInteractive)
        {
            choice = new SetupWizard(_terminal, console.Out).Ask(catalog, configPath);
            if (choice is null)
            {
                await console.Error.WriteLineAsync("uplink setup: cancelled; nothing was written.").ConfigureAwait(false);
                return ExitCodes.Failed;
            }

            choice = choice with { PluginsDirectory = WizardPluginsDirectory };
            ask = new SetupWizard(_terminal, console.Out).AskSetting;
        }
        else
        {
            return await UsageAsync($"--expert-code CODE is required when not on a terminal (valid codes: {string.Join(", ", catalog.Codes.Select(c => c.Code))})").ConfigureAwait(false);
        }

        // Read before the configuration is rewritten: a second run keeps the credentials and keys the first one set.
        var previous = PreviousPluginSettings(choice.ConfigPath);
        using var system = Apply(choice);
        return await new PluginSetupStep(choice, system, given.Values, ReadVariable, console) { Previous = previous, Ask = ask }.RunAsync(cancellationToken).ConfigureAwait(false);
    }

    private PluginSystem Apply(SetupChoice choice)
    {
        var secrets = SiteFolder.SetUp(choice.Code, choice.ConfigPath, choice.DataDirectory, choice.PluginsDirectory);

        var output = console.Out;
        var code = choice.Code;
        output.WriteLine($"Configuration written to {choice.ConfigPath}");
        output.WriteLine($"Expert code {code.Code}: {code.Description}");
        output.WriteLine($"  profile  {code.Profile} (from {code.ProfilePlugin})");
        output.WriteLine($"  inputs   {string.Join(", ", code.Inputs)}");
        output.WriteLine($"  outputs  {string.Join(", ", code.Outputs)}");
        output.WriteLine($"Site secrets {(secrets.Kept ? "kept" : "created")} in {secrets.SecretsDirectory} (UID key; admin key for the admin listener's detailed health in {secrets.AdminKeyFileName}), readable by this account only");

        var source = UplinkConfigurationSource.Load(choice.ConfigPath);
        var system = PluginSystem.Load(source.HostSettings, source.Selection, source.PluginSettings, NullLoggerFactory.Instance, TimeProvider.System);
        output.WriteLine($"Active plugins (from {source.HostSettings.PluginsDirectory}):");
        foreach (var state in system.States.All.Where(s => s.Active))
        {
            output.WriteLine($"  {state.Id,-32} {state.Status}{(state.Reason is null ? string.Empty : $": {state.Reason}")}");
        }

        if (system.ProfileProblem is { } problem)
        {
            output.WriteLine($"Profile: unavailable: {problem}");
        }

        return system;
    }

    private static System.Text.Json.Nodes.JsonObject? PreviousPluginSettings(string configPath) =>
        File.Exists(configPath) && System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(configPath))?[UplinkOptions.SectionName]?["Plugins"] is System.Text.Json.Nodes.JsonObject plugins
            ? plugins
            : null;

    private async Task<int> UsageAsync(string problem)
    {
        await console.Error.WriteLineAsync($"uplink setup: {problem}. Usage: uplink setup --expert-code CODE [--config FILE] [--data DIR] [--plugins DIR] [--setting PLUGIN:KEY=VALUE]...").ConfigureAwait(false);
        return ExitCodes.Usage;
    }

    /// <summary>A new random key for a generated setting: 32 random bytes, base64url.</summary>
    /// <returns>The key.</returns>
    internal static string NewKey() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
