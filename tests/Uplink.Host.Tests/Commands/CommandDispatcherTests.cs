using Uplink.Host.Commands;

namespace Uplink.Host.Tests.Commands;

public sealed class CommandDispatcherTests
{
    [Fact]
    public async Task DispatchAsync_UnknownVerb_SaysWhichAndExitsWithUsage()
    {
        var error = new StringWriter();
        var dispatcher = new CommandDispatcher([], new ConsoleOutput(new StringWriter(), error));

        var code = await dispatcher.DispatchAsync(["frobnicate"], TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("unknown command 'frobnicate'", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DispatchAsync_Version_PrintsTheAssemblyVersion()
    {
        var output = new StringWriter();
        var dispatcher = new CommandDispatcher([], new ConsoleOutput(output, new StringWriter()));

        var code = await dispatcher.DispatchAsync(["--version"], TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.Success, code);
        Assert.Matches(@"^uplink \d+\.\d+\.\d+", output.ToString());
    }
}
