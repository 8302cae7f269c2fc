using Uplink.Host.Commands;

namespace Uplink.Host.Tests.Commands;

public sealed class RunCommandTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("uplink-run-").FullName;
    private readonly StringWriter _error = new();

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task AConfigurationThatFailsValidation_StopsTheHostAtStart_NamingTheSetting()
    {
        var config = Path.Combine(_root, "uplink.json");
        File.WriteAllText(config, """{ "Uplink": { "ExpertCode": "Anon-LPU-O", "Profile": "Anon-LPU-O", "ProfilePlugin": "Uplink.Profiles.Builtin", "Inputs": [], "Outputs": ["Uplink.Output.Tricefy"], "DataDirectory": "." } }""");

        var code = await new RunCommand(new ConsoleOutput(new StringWriter(), _error)).RunAsync(["--config", config], TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.Failed, code);
        Assert.Contains("the configuration is not valid: Uplink:Inputs must name at least one input plugin", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoConfiguration_SaysToRunSetup()
    {
        var code = await new RunCommand(new ConsoleOutput(new StringWriter(), _error)).RunAsync(["--config", Path.Combine(_root, "missing.json")], TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.Failed, code);
        Assert.Contains("run 'uplink setup --expert-code CODE' first", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownOption_IsAUsageError()
    {
        var console = new ConsoleOutput(new StringWriter(), _error);
        var code = await new RunCommand(console).RunAsync(["--confg", "x"], TestContext.Current.CancellationToken, console);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("uplink run: Unrecognized command or argument '--confg'", _error.ToString(), StringComparison.Ordinal);
    }
}
