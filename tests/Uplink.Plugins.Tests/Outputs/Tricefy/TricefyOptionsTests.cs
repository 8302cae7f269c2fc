using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.DependencyInjection;
using Uplink.Output.Tricefy;
using Uplink.Plugins.Tests.Support;

namespace Uplink.Plugins.Tests.Outputs.Tricefy;

/// <summary>Every setting is checked when the plugin is configured: a bad one refuses it in one line naming the setting, never the token.</summary>
public sealed class TricefyOptionsTests : IDisposable
{
    private const string Token = "tok-5e3c-secret";
    private readonly TempFolder _temp = new("uplink-tricefy-options");

    [Theory]
    [InlineData("Endpoint", null)]
    [InlineData("Endpoint", "http://tricefy.example/dicomweb/studies")]
    [InlineData("Email", "")]
    [InlineData("MaxFileBytes", "100")]
    [InlineData("RequestTimeout", "00:01:30")]
    [InlineData("RequestTimeout", "00:00:00")]
    [InlineData("BreakDuration", "00:00:00.100")]
    [InlineData("BreakerMinimumThroughput", "1")]
    [InlineData("SplitLargeClips", "sometimes")]
    public void ConfigureServices_BadSetting_IsRefusedInOneLineNamingIt(string setting, string? value)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Endpoint"] = "https://tricefy4.com/dicomweb/studies",
            ["Email"] = "site@example.org",
            ["Token"] = Token,
            [setting] = value,
        };

        var error = Assert.Throws<ValidationException>(() => new TricefyPlugin().ConfigureServices(new ServiceCollection(), new TestPluginContext("tricefy", settings, _temp.Path)));

        Assert.StartsWith("Tricefy setting", error.Message, StringComparison.Ordinal);
        Assert.Contains($"'{setting}'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    public void Dispose() => _temp.Dispose();
}
