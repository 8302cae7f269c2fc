using Uplink.Output.Tricefy;
using Uplink.Plugins.Abstractions.Setup;
using Uplink.Plugins.Tests.Support;

namespace Uplink.Plugins.Tests.Outputs.Tricefy;

/// <summary>The Tricefy plugin's setup contract: what setup asks for, and the credential check the host reaches only through it.</summary>
public sealed class TricefySetupTests : IAsyncLifetime
{
    private SimulatorScope _scope = null!;

    public async ValueTask InitializeAsync() => _scope = await SimulatorScope.StartAsync();

    public async ValueTask DisposeAsync() => await _scope.DisposeAsync();

    [Fact]
    public void Setup_asks_for_the_endpoint_and_email_in_plain_and_seals_the_token_passed_in_its_environment_variable()
    {
        var settings = new TricefyPlugin().Settings;

        Assert.Equal(["Endpoint", "Email", "Token"], settings.Select(s => s.Key));
        var token = settings.Single(s => s.Key == "Token");
        Assert.True(token.IsSealed);
        Assert.Equal("UPLINK_TRICEFY_TOKEN", token.EnvironmentVariable);
        Assert.False(settings.Single(s => s.Key == "Endpoint").IsRequired);
        Assert.Contains("https://", settings.Single(s => s.Key == "Endpoint").Validate("http://tricefy.example/dicomweb/studies"), StringComparison.Ordinal);
        Assert.NotNull(settings.Single(s => s.Key == "Email").Validate("not-an-address"));
    }

    [Fact]
    public async Task The_check_passes_with_the_right_credentials_and_uploads_nothing()
    {
        var check = await Check(_scope.Settings());

        Assert.True(check.IsOk, check.Message);
        Assert.Contains("Tricefy accepted the credentials", check.Message, StringComparison.Ordinal);
        Assert.Equal(0, _scope.Simulator.Received.UploadRequests);
    }

    [Fact]
    public async Task A_wrong_token_fails_the_check_once_saying_the_credentials_are_wrong_without_the_token()
    {
        var check = await Check(_scope.Settings("not-the-token"));

        Assert.False(check.IsOk);
        Assert.Contains("401", check.Message, StringComparison.Ordinal);
        Assert.Contains("the e-mail or API token is wrong or revoked", check.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-token", check.Message, StringComparison.Ordinal);
        Assert.Single(_scope.Simulator.Received.Rejections);
    }

    [Fact]
    public async Task Missing_settings_fail_the_check_naming_the_setting_instead_of_throwing()
    {
        var settings = _scope.Settings();
        settings.Remove("Email");

        var check = await Check(settings);

        Assert.False(check.IsOk);
        Assert.Contains("Email", check.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_endpoint_fails_the_check_with_a_line_saying_so()
    {
        var settings = _scope.Settings();
        await _scope.Simulator.StopAsync(TestContext.Current.CancellationToken);

        var check = await Check(settings);

        Assert.False(check.IsOk);
        Assert.Contains("the connection failed during the credential check", check.Message, StringComparison.Ordinal);
    }

    private Task<SetupCheck> Check(IReadOnlyDictionary<string, string?> settings) =>
        new TricefyPlugin().CheckAsync(new TestPluginContext("tricefy", settings, _scope.Temp.Path), TestContext.Current.CancellationToken);
}
