using Uplink.Host.Commands;
using Uplink.Host.Commands.Plugins;
using Uplink.Host.Commands.Setup;
using Uplink.Tricefy.Simulator;

namespace Uplink.Host.Tests.Commands.Plugins;

/// <summary><c>uplink plugins check</c> reaches each plugin's check through the setup contract, with the sealed settings setup wrote.</summary>
public sealed class PluginsCheckCommandTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("uplink-check-").FullName;
    private readonly StringWriter _out = new();
    private readonly StringWriter _error = new();

    public PluginsCheckCommandTests() => Uplink.Host.Tests.Plugins.PluginSandbox.TrustBundledPlugins(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static string Plugins => Uplink.Host.Tests.Plugins.PluginSandbox.BundledPluginsFolder;

    private string ConfigPath => Path.Combine(_root, "uplink.json");

    [Fact]
    public async Task Every_active_plugin_with_a_check_is_checked_with_its_sealed_settings_and_a_failure_is_one_line_and_exit_1()
    {
        var cancel = TestContext.Current.CancellationToken;
        await using var tricefy = await TricefySimulator.StartAsync(cancellationToken: cancel);
        var store = Directory.CreateDirectory(Path.Combine(_root, "store")).FullName;
        var setup = new SetupCommand(new ConsoleOutput(new StringWriter(), new StringWriter()), new SetupTerminal(TextReader.Null, isInteractive: false, () => { }))
        {
            ReadVariable = name => name == "UPLINK_TRICEFY_TOKEN" ? tricefy.Options.Token : null,
        };
        Assert.Equal(ExitCodes.Success, await setup.RunAsync(["--expert-code", "Anon-LPU-O", "--config", ConfigPath, "--plugins", Plugins, "--setting", $"Uplink.Output.Tricefy:Email={tricefy.Options.Email}", "--setting", $"Uplink.Output.Tricefy:Endpoint={tricefy.StudiesEndpoint}", "--setting", $"Uplink.Input.ViewPoint:ImageRoot={store}"], cancel));

        var all = await Check([]);
        var passed = _out.ToString();
        await tricefy.StopAsync(cancel);
        _out.GetStringBuilder().Clear();
        var down = await Check(["uplink.output.tricefy"]);

        Assert.Equal(ExitCodes.Success, all);
        Assert.Contains("Uplink.Input.ViewPoint: ok: ViewPoint's image store", passed, StringComparison.Ordinal);
        Assert.Contains("Uplink.Output.Tricefy: ok: Tricefy accepted the credentials", passed, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Failed, down);
        Assert.Empty(_out.ToString());
        var line = Assert.Single(_error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("Uplink.Output.Tricefy: FAILED: Tricefy: the connection failed during the credential check", line, StringComparison.Ordinal);
        Assert.DoesNotContain(tricefy.Options.Token, passed + line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plugin_without_a_check_or_an_unknown_id_is_named()
    {
        await new SetupCommand(new ConsoleOutput(new StringWriter(), new StringWriter()), new SetupTerminal(TextReader.Null, isInteractive: false, () => { }))
            .RunAsync(["--expert-code", "Anon-LPU-O", "--config", ConfigPath, "--plugins", Plugins], TestContext.Current.CancellationToken);

        var profile = await Check(["Uplink.Profiles.Builtin"]);
        var unknown = await Check(["Vendor.Nothing"]);

        Assert.Equal(ExitCodes.Failed, profile);
        Assert.Equal(ExitCodes.Failed, unknown);
        Assert.Contains("uplink plugins check: Uplink.Profiles.Builtin has no check.", _error.ToString(), StringComparison.Ordinal);
        Assert.Contains("uplink plugins check: no plugin with id 'Vendor.Nothing'", _error.ToString(), StringComparison.Ordinal);
    }

    private Task<int> Check(string[] args) =>
        new PluginsCheckCommand(new ConsoleOutput(_out, _error)).RunAsync([.. args, "--config", ConfigPath], TestContext.Current.CancellationToken);
}
