using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.DependencyInjection;
using Uplink.Input.ViewPoint;
using Uplink.Plugins.Tests.Support;

namespace Uplink.Plugins.Tests.Input;

/// <summary>ViewPoint's settings are judged when the plugin is configured, and its API key is a sealed setting setup asks for.</summary>
public sealed class ViewPointPluginTests : IDisposable
{
    private const string Key = "a-viewpoint-key-of-at-least-32-characters";
    private readonly TempFolder _temp = new("uplink-viewpoint");

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("Listen", "http://0.0.0.0:8640", "not loopback: use an https:// Listen URL")]
    [InlineData("Listen", "viewpoint:8640", "is not an http:// or https:// URL")]
    [InlineData("Listen", "https://127.0.0.1:8640", "over HTTPS: set CertificatePath")]
    [InlineData("ImageRoot", "", "ImageRoot setting is empty")]
    [InlineData("ImageRoot", "relative/store", "is not a full path")]
    [InlineData("ApiKey", "", "has no API key: run 'uplink setup'")]
    public void A_bad_setting_refuses_the_plugin_when_it_is_configured_with_one_line_naming_the_setting(string setting, string value, string expected)
    {
        var settings = Good();
        settings[setting] = value;

        var error = Assert.Throws<ValidationException>(() => Configure(settings));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void A_missing_key_file_refuses_the_plugin_naming_the_file()
    {
        var settings = Good();
        settings["ApiKey"] = null;
        settings["ApiKeyFile"] = _temp.Combine("gone.key");

        var error = Assert.Throws<ValidationException>(() => Configure(settings));

        Assert.Contains("gone.key does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Good_settings_configure_the_input_and_never_put_the_key_in_an_error()
    {
        using var provider = Configure(Good());

        Assert.NotNull(provider.GetService<Uplink.Plugins.Abstractions.Inputs.IInputPlugin>());
    }

    [Fact]
    public void Setup_asks_for_the_image_store_and_a_sealed_generated_key_of_at_least_32_characters()
    {
        var settings = new ViewPointPlugin().Settings;

        var key = settings.Single(s => s.Key == "ApiKey");
        Assert.True(key.IsSealed);
        Assert.True(key.IsGenerated);
        Assert.Equal(ViewPointPlugin.ApiKeyVariable, key.EnvironmentVariable);
        Assert.NotNull(key.Validate("short"));
        Assert.Null(key.Validate(Key));
        Assert.True(settings.Single(s => s.Key == "ImageRoot").IsRequired);
    }

    [Fact]
    public async Task The_check_says_whether_the_image_store_can_be_read()
    {
        var plugin = new ViewPointPlugin();
        var good = await plugin.CheckAsync(new TestPluginContext("vp", Good(), _temp.Path), TestContext.Current.CancellationToken);
        var settings = Good();
        settings["ImageRoot"] = _temp.Combine("no-such-store");
        var missing = await plugin.CheckAsync(new TestPluginContext("vp", settings, _temp.Path), TestContext.Current.CancellationToken);

        Assert.True(good.IsOk, good.Message);
        Assert.False(missing.IsOk);
        Assert.Contains("no-such-store does not exist", missing.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, good.Message + missing.Message, StringComparison.Ordinal);
    }

    private Dictionary<string, string?> Good() => new()
    {
        ["Listen"] = "http://127.0.0.1:0",
        ["ApiKey"] = Key,
        ["ImageRoot"] = _temp.Path,
    };

    private ServiceProvider Configure(IReadOnlyDictionary<string, string?> settings)
    {
        var services = new ServiceCollection().AddLogging();
        new ViewPointPlugin().ConfigureServices(services, new TestPluginContext("vp", settings, _temp.Path));
        return services.BuildServiceProvider();
    }
}
