using System.CommandLine;
using Microsoft.Extensions.Logging.Abstractions;
using Uplink.Core.Configuration;
using Uplink.Core.Plugins;
using Uplink.Core.Secrets;
using Uplink.Host.Hosting;
using Uplink.Host.Tricefy;

namespace Uplink.Host.Commands.Setup;

/// <summary>
/// <c>uplink setup --expert-code CODE [--config FILE] [--data DIR] [--plugins DIR] [--tricefy-email EMAIL [--tricefy-endpoint URL]]</c>:
/// the installer step. Validates the code, writes the configuration, creates the site secrets when
/// absent, seals the Tricefy token (read from <c>UPLINK_TRICEFY_TOKEN</c> or standard input, never from
/// the command line, where other users could see it) and verifies it with Tricefy's documented GET,
/// and prints what is now active. Without arguments on a terminal it runs <see cref="SetupWizard"/>.
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
    private readonly Option<string> _tricefyEmail = new("--tricefy-email") { Description = $"The Tricefy account's e-mail; its API token is read from {TokenVariable} or standard input, sealed and checked.", HelpName = "EMAIL" };
    private readonly Option<string> _tricefyEndpoint = new("--tricefy-endpoint") { Description = "Tricefy's upload endpoint when not the configuration's default (e.g. https://us.tricefy.com/dicomweb/studies).", HelpName = "URL" };

    /// <inheritdoc />
    public string Name => "setup";

    /// <inheritdoc />
    public string Summary => "Installer step: applies an expert code, writes the configuration and site secrets.";

    /// <summary>The environment variable that carries the Tricefy API token to setup.</summary>
    public const string TokenVariable = "UPLINK_TRICEFY_TOKEN";

    private const string TricefyPluginId = "Uplink.Output.Tricefy";

    /// <summary>Where the Tricefy token comes from: <see cref="TokenVariable"/>, else standard input when redirected (tests replace it).</summary>
    public Func<string?> ReadToken { get; init; } = () =>
        Environment.GetEnvironmentVariable(TokenVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment
        : Console.IsInputRedirected ? Console.In.ReadLine()?.Trim()
        : null;

    /// <summary>The expert codes file (tests point it elsewhere).</summary>
    public string CatalogPath { get; init; } = ExpertCodeCatalog.DefaultPath;

    /// <inheritdoc />
    public string Failure => "cancelled, or the Tricefy token is missing or was refused (the configuration is written)";

    /// <inheritdoc />
    public IReadOnlyList<Symbol> Symbols => [_expertCode, _config, _data, _plugins, _tricefyEmail, _tricefyEndpoint];

    /// <inheritdoc />
    public async Task<int> RunAsync(ParseResult parsed, CancellationToken cancellationToken)
    {
        var catalog = ExpertCodeCatalog.Load(CatalogPath);
        var configPath = Path.GetFullPath(parsed.GetValue(_config) ?? UplinkPaths.DefaultConfigFile);
        SetupChoice? choice;
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
        }
        else
        {
            return await UsageAsync($"--expert-code CODE is required when not on a terminal (valid codes: {string.Join(", ", catalog.Codes.Select(c => c.Code))})").ConfigureAwait(false);
        }

        Apply(choice);
        if (parsed.GetValue(_tricefyEmail) is { } email)
        {
            return await StoreTricefyCredentialsAsync(choice, email, parsed.GetValue(_tricefyEndpoint), cancellationToken).ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }

    private async Task<int> StoreTricefyCredentialsAsync(SetupChoice choice, string email, string? endpointText, CancellationToken cancellationToken)
    {
        var token = ReadToken();
        if (string.IsNullOrEmpty(token))
        {
            await console.Error.WriteLineAsync($"uplink setup: --tricefy-email needs the account's API token in {TokenVariable} or on standard input; the configuration was written without it.").ConfigureAwait(false);
            return ExitCodes.Failed;
        }

        if (endpointText is not null)
        {
            if (!Uri.TryCreate(endpointText, UriKind.Absolute, out _))
            {
                await console.Error.WriteLineAsync($"uplink setup: --tricefy-endpoint '{endpointText}' is not an absolute URL (e.g. https://us.tricefy.com/dicomweb/studies).").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            UplinkConfigurationFile.SetPluginSetting(choice.ConfigPath, TricefyPluginId, "Endpoint", endpointText);
        }

        UplinkConfigurationFile.SetPluginSetting(choice.ConfigPath, TricefyPluginId, "Email", email);
        UplinkConfigurationFile.SetPluginSetting(choice.ConfigPath, TricefyPluginId, "Token", SealedSettings.Seal(choice.DataDirectory, "tricefy-token", token));
        await console.Out.WriteLineAsync($"Tricefy token sealed in {SiteSecrets.SecretsDirectory(choice.DataDirectory)}.").ConfigureAwait(false);

        var endpoint = UplinkConfigurationSource.Load(choice.ConfigPath).PluginSettings.GetSection(TricefyPluginId)["Endpoint"];
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var endpointUri))
        {
            await console.Error.WriteLineAsync($"uplink setup: the configuration names no Tricefy endpoint; pass --tricefy-endpoint.").ConfigureAwait(false);
            return ExitCodes.Failed;
        }

        var (accepted, message) = await TricefyCredentialCheck.RunAsync(endpointUri, email, token, cancellationToken).ConfigureAwait(false);
        await (accepted ? console.Out : console.Error).WriteLineAsync(accepted ? message : $"uplink setup: the configuration is written, but the credential check failed: {message}").ConfigureAwait(false);
        return accepted ? ExitCodes.Success : ExitCodes.Failed;
    }

    private void Apply(SetupChoice choice)
    {
        var secretsExisted = File.Exists(SiteSecrets.UidKeyPath(choice.DataDirectory)) && File.Exists(SiteSecrets.ApiKeyPath(choice.DataDirectory)) && File.Exists(SiteSecrets.AdminKeyPath(choice.DataDirectory));
        PrivateFiles.CreateDirectory(choice.DataDirectory);
        UplinkConfigurationFile.Write(choice.ConfigPath, choice.Code, choice.DataDirectory, choice.PluginsDirectory);
        SiteSecrets.EnsureCreated(choice.DataDirectory);

        var output = console.Out;
        var code = choice.Code;
        output.WriteLine($"Configuration written to {choice.ConfigPath}");
        output.WriteLine($"Expert code {code.Code}: {code.Description}");
        output.WriteLine($"  profile  {code.Profile} (from {code.ProfilePlugin})");
        output.WriteLine($"  inputs   {string.Join(", ", code.Inputs)}");
        output.WriteLine($"  outputs  {string.Join(", ", code.Outputs)}");
        output.WriteLine($"Site secrets {(secretsExisted ? "kept" : "created")} in {SiteSecrets.SecretsDirectory(choice.DataDirectory)} (UID key; ViewPoint API key in {Path.GetFileName(SiteSecrets.ApiKeyPath(choice.DataDirectory))}; admin key for the admin listener's detailed health in {Path.GetFileName(SiteSecrets.AdminKeyPath(choice.DataDirectory))}), readable by this account only");

        var source = UplinkConfigurationSource.Load(choice.ConfigPath);
        using var system = PluginSystem.Load(source.HostSettings, source.Selection, source.PluginSettings, NullLoggerFactory.Instance, TimeProvider.System);
        output.WriteLine($"Active plugins (from {source.HostSettings.PluginsDirectory}):");
        foreach (var state in system.States.All.Where(s => s.Active))
        {
            output.WriteLine($"  {state.Id,-32} {state.Status}{(state.Reason is null ? string.Empty : $": {state.Reason}")}");
        }

        if (system.ProfileProblem is { } problem)
        {
            output.WriteLine($"Profile: unavailable: {problem}");
        }
    }

    private async Task<int> UsageAsync(string problem)
    {
        await console.Error.WriteLineAsync($"uplink setup: {problem}. Usage: uplink setup --expert-code CODE [--config FILE] [--data DIR] [--plugins DIR] [--tricefy-email EMAIL [--tricefy-endpoint URL]]").ConfigureAwait(false);
        return ExitCodes.Usage;
    }
}
