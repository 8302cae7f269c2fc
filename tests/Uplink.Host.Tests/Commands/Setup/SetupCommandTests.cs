using System.Text.Json;
using Uplink.Core.Secrets;
using Uplink.Host.Commands;
using Uplink.Host.Commands.Setup;

namespace Uplink.Host.Tests.Commands.Setup;

public sealed class SetupCommandTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("uplink-setup-").FullName;
    private readonly StringWriter _out = new();
    private readonly StringWriter _error = new();

    public SetupCommandTests() => Uplink.Host.Tests.Plugins.PluginSandbox.TrustBundledPlugins(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static string Plugins => Uplink.Host.Tests.Plugins.PluginSandbox.BundledPluginsFolder;

    private string ConfigPath => Path.Combine(_root, "uplink.json");

    [Fact]
    public async Task AnUnknownCode_IsAnError_ListingTheValidCodes_AndWritesNothing()
    {
        var code = await Command().RunAsync(["--expert-code", "Anon-XYZ", "--config", ConfigPath, "--plugins", Plugins], TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("unknown expert code 'Anon-XYZ'. Valid codes: Anon-LPU-O, Standard", _error.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(ConfigPath));
    }

    [Fact]
    public async Task AnonLpuO_WritesTheConfiguration_SelectingTheStrictProfileViewPointAndTricefy()
    {
        var code = await Command().RunAsync(["--expert-code", "anon-lpu-o", "--config", ConfigPath, "--plugins", Plugins], TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.Success, code);
        using var written = JsonDocument.Parse(File.ReadAllText(ConfigPath));
        var uplink = written.RootElement.GetProperty("Uplink");
        Assert.Equal("Anon-LPU-O", uplink.GetProperty("ExpertCode").GetString());
        Assert.Equal("Anon-LPU-O", uplink.GetProperty("Profile").GetString());
        Assert.Equal("Uplink.Profiles.Builtin", uplink.GetProperty("ProfilePlugin").GetString());
        Assert.Equal(["Uplink.Input.ViewPoint"], uplink.GetProperty("Inputs").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["Uplink.Output.Tricefy"], uplink.GetProperty("Outputs").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(_root, uplink.GetProperty("DataDirectory").GetString());
        var printed = _out.ToString();
        Assert.Contains("profile  Anon-LPU-O (from Uplink.Profiles.Builtin)", printed, StringComparison.Ordinal);
        Assert.Contains("Active plugins (from ", printed, StringComparison.Ordinal);
        Assert.Contains("Uplink.Input.ViewPoint", printed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Setup_AddsAnAdminKeyApartFromTheViewPointKey_ToADataFolderMadeBeforeAdminKeysExisted()
    {
        await Command().RunAsync(["--expert-code", "Anon-LPU-O", "--config", ConfigPath, "--plugins", Plugins], TestContext.Current.CancellationToken);
        var apiKey = ViewPointKey();
        File.Delete(SiteSecrets.AdminKeyPath(_root));
        Assert.Null(SiteSecrets.ReadAdminKey(_root));

        await Command().RunAsync(["--expert-code", "Anon-LPU-O", "--config", ConfigPath, "--plugins", Plugins], TestContext.Current.CancellationToken);

        var adminKey = SiteSecrets.ReadAdminKey(_root);
        Assert.NotNull(adminKey);
        Assert.NotEqual(apiKey, adminKey);
        Assert.Contains("Site secrets created", _out.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(adminKey, _out.ToString(), StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(SiteSecrets.AdminKeyPath(_root)));
        }
    }

    [Fact]
    public async Task Setup_CreatesPrivateSiteSecrets_AndASealedViewPointKey_AndKeepsThemOnASecondRun()
    {
        await Command().RunAsync(["--expert-code", "Standard", "--config", ConfigPath, "--plugins", Plugins], TestContext.Current.CancellationToken);
        var first = SiteSecrets.Load(_root);
        var firstKey = ViewPointKey();

        await Command().RunAsync(["--expert-code", "Anon-LPU-O", "--config", ConfigPath, "--plugins", Plugins], TestContext.Current.CancellationToken);
        var second = SiteSecrets.Load(_root);

        Assert.Equal(SiteSecrets.UidKeyLength, first.UidKey.Length);
        Assert.Equal(first.UidKey, second.UidKey);
        Assert.True(firstKey.Length >= 43);
        Assert.Equal(firstKey, ViewPointKey());
        Assert.Equal("sealed:uplink.input.viewpoint.apikey", RawSetting("Uplink.Input.ViewPoint", "ApiKey"));
        Assert.False(File.Exists(Path.Combine(SiteSecrets.SecretsDirectory(_root), "viewpoint-api.key")));
        Assert.Contains("Site secrets kept", _out.ToString(), StringComparison.Ordinal);
        Assert.Contains("Uplink.Input.ViewPoint: ApiKey generated and sealed", _out.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(firstKey, _out.ToString(), StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(SiteSecrets.UidKeyPath(_root)));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(SiteSecrets.SecretsDirectory(_root)));
        }
    }

    [Fact]
    public async Task The_ViewPoint_key_the_installer_chooses_is_sealed_and_a_plain_image_store_is_written_and_the_plugin_then_loads()
    {
        var key = "the-key-entered-in-viewpoint-0123456789";
        var store = Directory.CreateDirectory(Path.Combine(_root, "store")).FullName;
        var command = WithVariables(new() { ["UPLINK_VIEWPOINT_API_KEY"] = key });

        var code = await command.RunAsync(["--expert-code", "Anon-LPU-O", "--config", ConfigPath, "--plugins", Plugins, "--setting", $"Uplink.Input.ViewPoint:ImageRoot={store}"], TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal(key, ViewPointKey());
        Assert.Equal(store, RawSetting("Uplink.Input.ViewPoint", "ImageRoot"));
        Assert.Contains($"Uplink.Input.ViewPoint: ViewPoint's image store {store} is readable", _out.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(key, _out.ToString() + _error.ToString() + File.ReadAllText(ConfigPath), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_secret_on_the_command_line_is_refused_naming_the_environment_variable()
    {
        var code = await Command().RunAsync(["--expert-code", "Anon-LPU-O", "--config", ConfigPath, "--plugins", Plugins, "--setting", "Uplink.Output.Tricefy:Token=on-the-command-line"], TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("Uplink.Output.Tricefy:Token is a secret: pass it in UPLINK_TRICEFY_TOKEN", _error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("on-the-command-line", File.ReadAllText(ConfigPath), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_setting_no_active_plugin_asks_for_is_a_usage_error_listing_what_is_asked()
    {
        var code = await Command().RunAsync(["--expert-code", "Anon-LPU-O", "--config", ConfigPath, "--plugins", Plugins, "--setting", "Uplink.Output.Tricefy:Colour=blue"], TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("Uplink.Output.Tricefy asks for no setting 'Colour' (its plain settings: Endpoint, Email)", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoArguments_WithoutATerminal_IsAUsageError()
    {
        var code = await Command().RunAsync([], TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("--expert-code CODE is required when not on a terminal", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoArguments_OnATerminal_RunsTheWizard_WithTheExpertSettingOnItsOwnScreen()
    {
        var clears = 0;
        var data = Path.Combine(_root, "site");
        var answers = new StringReader($"{data}\nAnon-BAD\nAnon-LPU-O\nyes\n");
        var command = new SetupCommand(new ConsoleOutput(_out, _error), new SetupTerminal(answers, isInteractive: true, () =>
        {
            clears++;
            _out.WriteLine("<clear>");
        }));

        var code = await command.RunAsync([], TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal(3, clears);
        var screens = _out.ToString().Split("<clear>");
        Assert.Contains("expert setting", screens[2], StringComparison.Ordinal);
        Assert.Contains("'Anon-BAD' is not an expert code. Valid codes: Anon-LPU-O, Standard", screens[2], StringComparison.Ordinal);
        Assert.DoesNotContain("Data folder [", screens[2], StringComparison.Ordinal);
        Assert.Contains("\"ExpertCode\": \"Anon-LPU-O\"", File.ReadAllText(Path.Combine(data, "uplink.json")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheWizard_AsksEachPluginForItsSettings_ReadsTheSecretApart_AndLeavesOutWhatIsLeftBlank()
    {
        var data = Path.Combine(_root, "site");
        Uplink.Host.Tests.Plugins.PluginSandbox.TrustBundledPlugins(data);
        var store = Directory.CreateDirectory(Path.Combine(_root, "store")).FullName;
        const string key = "the-key-typed-into-the-wizard-0123456789";
        var secrets = new Queue<string?>([key, null]);
        // Folder, code, confirm; then ViewPoint: image store, Listen (keep); Tricefy: endpoint (keep), e-mail (skip).
        var answers = new StringReader($"{data}\nAnon-LPU-O\nyes\n{store}\n\n\n\n");
        var command = new SetupCommand(new ConsoleOutput(_out, _error), new SetupTerminal(answers, isInteractive: true, () => { }, secrets.Dequeue))
        {
            WizardPluginsDirectory = Plugins,
        };

        var code = await command.RunAsync([], TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.Success, code);
        var config = Path.Combine(data, "uplink.json");
        var viewPoint = Uplink.Host.Hosting.UplinkConfigurationSource.Load(config).PluginSettings.GetSection("Uplink.Input.ViewPoint");
        Assert.Equal(key, viewPoint["ApiKey"]);
        Assert.Equal(store, viewPoint["ImageRoot"]);
        Assert.Equal("http://127.0.0.1:8640", viewPoint["Listen"]);
        var printed = _out.ToString();
        Assert.Contains("Uplink.Input.ViewPoint: ViewPoint's image store (the folder its image ids resolve in) [none]: ", printed, StringComparison.Ordinal);
        Assert.Contains("Uplink.Input.ViewPoint: Where the ViewPoint API listens (http://127.0.0.1:8640 by default) [http://127.0.0.1:8640]: ", printed, StringComparison.Ordinal);
        Assert.Contains("(not shown) [generate one]: ", printed, StringComparison.Ordinal);
        Assert.Contains("Uplink.Input.ViewPoint: ViewPoint's image store", printed[printed.IndexOf("ApiKey sealed", StringComparison.Ordinal)..], StringComparison.Ordinal);
        Assert.DoesNotContain(key, printed + _error + File.ReadAllText(config), StringComparison.Ordinal);
        Assert.Null(Uplink.Host.Hosting.UplinkConfigurationSource.Load(config).PluginSettings.GetSection("Uplink.Output.Tricefy")["Email"]);
        Assert.Empty(secrets);
    }

    [Fact]
    public async Task TheWizard_WritesNothing_WhenTheInstallerDeclines()
    {
        var answers = new StringReader("\nStandard\nno\n");
        var command = new SetupCommand(new ConsoleOutput(_out, _error), new SetupTerminal(answers, isInteractive: true, () => { }));

        var code = await command.RunAsync([], TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.Failed, code);
        Assert.Contains("cancelled; nothing was written", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheTricefyToken_IsVerifiedWithTricefysGet_SealedAtRest_AndOpensOnlyForThePlugin()
    {
        await using var tricefy = await Uplink.Tricefy.Simulator.TricefySimulator.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        var token = tricefy.Options.Token;
        var command = TricefySetup(token);

        var code = await command.RunAsync(["--expert-code", "Anon-LPU-O", "--config", ConfigPath, "--plugins", Plugins, "--setting", $"Uplink.Output.Tricefy:Email={tricefy.Options.Email}", "--setting", $"Uplink.Output.Tricefy:Endpoint={tricefy.StudiesEndpoint}"], TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("Uplink.Output.Tricefy: Tricefy accepted the credentials", _out.ToString(), StringComparison.Ordinal);
        Assert.Equal("sealed:uplink.output.tricefy.token", RawSetting("Uplink.Output.Tricefy", "Token"));
        foreach (var file in Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories))
        {
            Assert.DoesNotContain(token, File.ReadAllText(file), StringComparison.Ordinal);
        }

        Assert.DoesNotContain(token, _out.ToString() + _error.ToString(), StringComparison.Ordinal);
        var settings = Uplink.Host.Hosting.UplinkConfigurationSource.Load(ConfigPath).PluginSettings.GetSection("Uplink.Output.Tricefy");
        Assert.Equal(tricefy.Options.Email, settings["Email"]);
        Assert.Equal(token, settings["Token"]);
        Assert.Equal(tricefy.StudiesEndpoint.ToString(), settings["Endpoint"]);
    }

    [Fact]
    public async Task AWrongTricefyToken_FailsSetup_SayingTheCredentialsAreWrong()
    {
        await using var tricefy = await Uplink.Tricefy.Simulator.TricefySimulator.StartAsync(cancellationToken: TestContext.Current.CancellationToken);

        var code = await TricefySetup("not-the-token").RunAsync(["--expert-code", "Anon-LPU-O", "--config", ConfigPath, "--plugins", Plugins, "--setting", $"Uplink.Output.Tricefy:Email={tricefy.Options.Email}", "--setting", $"Uplink.Output.Tricefy:Endpoint={tricefy.StudiesEndpoint}"], TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.Failed, code);
        Assert.Contains("401", _error.ToString(), StringComparison.Ordinal);
        Assert.Contains("the e-mail or API token is wrong or revoked", _error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-token", _out.ToString() + _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATricefyEmailWithoutAToken_IsAnError_ThatSaysWhereTheTokenGoes()
    {
        var command = TricefySetup(null);

        var code = await command.RunAsync(["--expert-code", "Anon-LPU-O", "--config", ConfigPath, "--plugins", Plugins, "--setting", "Uplink.Output.Tricefy:Email=clinic@example.org"], TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.Failed, code);
        Assert.Contains("Uplink.Output.Tricefy needs Token (The Tricefy account's API token) in UPLINK_TRICEFY_TOKEN", _error.ToString(), StringComparison.Ordinal);
    }

    private SetupCommand TricefySetup(string? token) => WithVariables(new() { ["UPLINK_TRICEFY_TOKEN"] = token });

    private SetupCommand WithVariables(Dictionary<string, string?> variables) =>
        new(new ConsoleOutput(_out, _error), new SetupTerminal(TextReader.Null, isInteractive: false, () => { })) { ReadVariable = name => variables.GetValueOrDefault(name) };

    private string ViewPointKey() =>
        Uplink.Host.Hosting.UplinkConfigurationSource.Load(ConfigPath).PluginSettings.GetSection("Uplink.Input.ViewPoint")["ApiKey"]!;

    private string? RawSetting(string pluginId, string key) =>
        JsonDocument.Parse(File.ReadAllText(ConfigPath)).RootElement.GetProperty("Uplink").GetProperty("Plugins").GetProperty(pluginId).TryGetProperty(key, out var value) ? value.GetString() : null;

    private SetupCommand Command() => WithVariables([]);
}
