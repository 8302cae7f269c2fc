using Microsoft.Extensions.Logging.Abstractions;
using Uplink.Core.Configuration;
using Uplink.Core.Plugins;
using Uplink.Core.Plugins.Loading;
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
    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var options = CommandLineOptions.Parse(args, ["--expert-code", "--config", "--data", "--plugins", "--tricefy-email", "--tricefy-endpoint"], out var error);
        if (options is null || options.Positional.Count > 0)
        {
            return await UsageAsync(error ?? $"unexpected argument '{options!.Positional[0]}'").ConfigureAwait(false);
        }

        var catalog = ExpertCodeCatalog.Load(CatalogPath);
        var configPath = Path.GetFullPath(options.Get("--config") ?? UplinkPaths.DefaultConfigFile);
        SetupChoice? choice;
        if (options.Get("--expert-code") is { } codeText)
        {
            var code = catalog.Find(codeText);
            if (code is null)
            {
                await console.Error.WriteLineAsync($"uplink setup: unknown expert code '{codeText}'. Valid codes: {string.Join(", ", catalog.Codes.Select(c => c.Code))}").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            var data = Path.GetFullPath(options.Get("--data") ?? Path.GetDirectoryName(configPath)!);
            choice = new SetupChoice(code, configPath, data, options.Get("--plugins"));
        }
        else if (args.Count == 0 && _terminal.IsInteractive)
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
        if (options.Get("--tricefy-email") is { } email)
        {
            return await StoreTricefyCredentialsAsync(choice, email, options.Get("--tricefy-endpoint"), cancellationToken).ConfigureAwait(false);
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
        var secretsExisted = File.Exists(SiteSecrets.UidKeyPath(choice.DataDirectory)) && File.Exists(SiteSecrets.ApiKeyPath(choice.DataDirectory));
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
        output.WriteLine($"Site secrets {(secretsExisted ? "kept" : "created")} in {SiteSecrets.SecretsDirectory(choice.DataDirectory)} (UID key; ViewPoint API key in {Path.GetFileName(SiteSecrets.ApiKeyPath(choice.DataDirectory))}), readable by this account only");

        var source = UplinkConfigurationSource.Load(choice.ConfigPath);
        using var system = PluginSystem.Load(source.HostSettings, source.Selection, source.PluginSettings,
            new PluginHostServices(new McMasterPluginAssemblyLoader(), NullLoggerFactory.Instance, TimeProvider.System));
        output.WriteLine($"Active plugins (from {source.HostSettings.PluginsDirectory}):");
        foreach (var state in system.States.All.Where(s => s.Active))
        {
            output.WriteLine($"  {state.Id,-32} {state.Status}{(state.Reason is null ? string.Empty : $": {state.Reason}")}");
        }

        if (system.Active.ProfileProblem is { } problem)
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
