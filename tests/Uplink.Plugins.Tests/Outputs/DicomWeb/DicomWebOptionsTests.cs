using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.DependencyInjection;
using Uplink.Output.DicomWeb;
using Uplink.Plugins.Tests.Support;

namespace Uplink.Plugins.Tests.Outputs.DicomWeb;

/// <summary>Settings are bound and validated when the plugin is configured; errors name the setting, never a secret.</summary>
public sealed class DicomWebOptionsTests
{
    [Theory]
    [InlineData("http://pacs.example/dicom-web", null, "'BaseUrl'")]
    [InlineData("https://pacs.example/dicom-web", "both", "exclusive")]
    [InlineData("https://pacs.example/dicom-web", "user-only", "go together")]
    public void ConfigureServices_BadSettings_AreRefusedSayingWhich(string baseUrl, string? auth, string expected)
    {
        var settings = new Dictionary<string, string?> { ["BaseUrl"] = baseUrl };
        if (auth == "both")
        {
            (settings["BearerToken"], settings["Username"], settings["Password"]) = ("tok-secret-1", "u", "pw-secret-2");
        }
        else if (auth == "user-only")
        {
            settings["Username"] = "u";
        }

        var error = Assert.Throws<ValidationException>(() => new DicomWebPlugin().ConfigureServices(new ServiceCollection(), new TestPluginContext("dicomweb", settings, Path.GetTempPath())));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ConfigureServices_PlainHttpOnAClosedLan_IsAllowedWhenAsked()
    {
        var settings = new Dictionary<string, string?> { ["BaseUrl"] = "http://pacs.example/dicom-web", ["AllowPlainHttp"] = "true" };
        var services = new ServiceCollection();

        new DicomWebPlugin().ConfigureServices(services, new TestPluginContext("dicomweb", settings, Path.GetTempPath()));

        var options = services.BuildServiceProvider().GetRequiredService<DicomWebOptions>();
        Assert.Equal(new Uri("http://pacs.example/dicom-web/studies"), options.StudiesEndpoint);
        Assert.Equal("DicomWebOptions { BaseUrl = http://pacs.example/dicom-web, Auth = none }", options.ToString());
    }

    [Theory]
    [InlineData("RequestTimeout", "00:00:00")]
    [InlineData("RequestTimeout", "02:00:00")]
    [InlineData("BreakDuration", "00:00:00.100")]
    [InlineData("BreakerMinimumThroughput", "1")]
    [InlineData("BreakDuration", "soon")]
    public void ConfigureServices_BadResilienceSetting_IsRefusedInOneLineNamingIt(string setting, string value)
    {
        var settings = new Dictionary<string, string?> { ["BaseUrl"] = "https://pacs.example/dicom-web", [setting] = value };

        var error = Assert.Throws<ValidationException>(() => new DicomWebPlugin().ConfigureServices(new ServiceCollection(), new TestPluginContext("dicomweb", settings, Path.GetTempPath())));

        Assert.StartsWith("DICOMweb setting", error.Message, StringComparison.Ordinal);
        Assert.Contains($"'{setting}'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }
}
