using Uplink.Host.Hosting;

namespace Uplink.Host.Tests.Hosting;

public sealed class CommandLineOptionsTests
{
    [Fact]
    public void Parse_ReadsSpacedAndEqualsValues_AndKeepsPositionalWords()
    {
        var options = CommandLineOptions.Parse(["Vendor.Plugin", "--config", "a.json", "--data=/srv/uplink"], ["--config", "--data"], out var error);

        Assert.Null(error);
        Assert.Equal("a.json", options!.Get("--config"));
        Assert.Equal("/srv/uplink", options.Get("--data"));
        Assert.Equal(["Vendor.Plugin"], options.Positional);
    }

    [Fact]
    public void Parse_AnOptionWithoutValue_IsAnError()
    {
        Assert.Null(CommandLineOptions.Parse(["--config"], ["--config"], out var error));
        Assert.Equal("option '--config' needs a value", error);
    }

    [Fact]
    public void Parse_AnUnknownOption_ListsTheAcceptedOnes()
    {
        Assert.Null(CommandLineOptions.Parse(["--expert", "x"], ["--expert-code", "--config"], out var error));
        Assert.Equal("unknown option '--expert' (accepted: --expert-code, --config)", error);
    }
}
