using Uplink.Host.Commands;
using Uplink.Host.Commands.Plugins;
using Uplink.Host.Tests.Plugins;

namespace Uplink.Host.Tests.Commands.Plugins;

public sealed class PluginsCommandTests : IDisposable
{
    private readonly PluginSandbox _sandbox = new();
    private readonly StringWriter _out = new();
    private readonly StringWriter _error = new();

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public async Task TrustThenList_ShowsTheDropInAsTrustedByAnAdmin_Active_AndLoaded()
    {
        _sandbox.AddTestPlugin("Uplink.TestPlugins.Echo");
        _sandbox.AddTestPlugin("Uplink.TestPlugins.OldPolly");
        var config = WriteConfig();
        var console = new ConsoleOutput(_out, _error);

        var before = await new PluginsCommand(console).RunAsync(["--config", config], TestContext.Current.CancellationToken);
        var trust = await new PluginsTrustCommand(console, TimeProvider.System).RunAsync(["Uplink.TestPlugins.Echo", "--config", config], TestContext.Current.CancellationToken);
        _out.GetStringBuilder().Clear();
        var after = await new PluginsCommand(console).RunAsync(["--config", config], TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.Failed, before);
        Assert.Equal(ExitCodes.Success, trust);
        Assert.Equal(ExitCodes.Success, after);
        var lines = _out.ToString().Split('\n');
        Assert.Matches(@"^Uplink\.TestPlugins\.Echo\s+1\.0\.0\s+Output\s+yes\s+yes, admin\s+Loaded", Assert.Single(lines, l => l.StartsWith("Uplink.TestPlugins.Echo ", StringComparison.Ordinal)));
        Assert.Matches(@"^Uplink\.TestPlugins\.OldPolly\s+1\.0\.0\s+Output\s+no\s+no\s+Untrusted", Assert.Single(lines, l => l.StartsWith("Uplink.TestPlugins.OldPolly ", StringComparison.Ordinal)));
        Assert.Contains("inactive: not selected by expert code TEST", _out.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BeforeSetup_ListsTheBundledPluginsWithNothingActive()
    {
        var start = new System.Diagnostics.ProcessStartInfo("dotnet", [Path.Combine(PluginSandbox.HostFolder, "uplink.dll"), "plugins"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _sandbox.Root,
        };
        start.Environment["UPLINK_DATA"] = _sandbox.DataDirectory;
        start.Environment["UPLINK_CONFIG"] = string.Empty;
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.Success, process.ExitCode);
        Assert.Contains($"(no configuration at {Path.Combine(_sandbox.DataDirectory, "uplink.json")} yet, so none is active;", output, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^Uplink\.Output\.Tricefy\s+\S+\s+Output\s+no\s+yes, bundled\s+NotActive", output);
        Assert.False(File.Exists(Path.Combine(_sandbox.DataDirectory, "uplink.json")));
    }

    [Fact]
    public async Task TrustingAnUnknownId_SaysSo()
    {
        var config = WriteConfig();

        var code = await new PluginsTrustCommand(new ConsoleOutput(_out, _error), TimeProvider.System).RunAsync(["Nope", "--config", config], TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.Failed, code);
        Assert.Contains($"no plugin with id 'Nope' in {_sandbox.PluginsDirectory}", _error.ToString(), StringComparison.Ordinal);
    }

    private string WriteConfig()
    {
        var path = Path.Combine(_sandbox.Root, "uplink.json");
        File.WriteAllText(path, $$"""
            { "Uplink": { "ExpertCode": "TEST", "Profile": "none", "ProfilePlugin": "", "Inputs": [], "Outputs": ["Uplink.TestPlugins.Echo"],
                          "PluginsDirectory": "plugins", "DataDirectory": "data" } }
            """);
        return path;
    }
}
