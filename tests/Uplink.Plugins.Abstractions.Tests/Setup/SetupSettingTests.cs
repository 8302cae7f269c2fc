using Uplink.Plugins.Abstractions.Setup;

namespace Uplink.Plugins.Abstractions.Tests.Setup;

public sealed class SetupSettingTests
{
    [Fact]
    public void A_sealed_setting_names_where_an_unattended_install_passes_it_and_a_plain_one_does_not()
    {
        var token = SetupSetting.Sealed("Token", "The API token", "UPLINK_X_TOKEN");
        var email = SetupSetting.Plain("Email", "The e-mail");

        Assert.True(token.IsSealed);
        Assert.Equal("UPLINK_X_TOKEN", token.EnvironmentVariable);
        Assert.False(email.IsSealed);
        Assert.Null(email.EnvironmentVariable);
        Assert.True(email.IsRequired);
    }

    [Fact]
    public void Validate_returns_the_plugins_reason_for_a_wrong_value_and_null_for_a_right_one()
    {
        var email = SetupSetting.Plain("Email", "The e-mail", v => v.Contains('@', StringComparison.Ordinal) ? null : "Email must be an e-mail address");

        Assert.Equal("Email must be an e-mail address", email.Validate("clinic"));
        Assert.Null(email.Validate("clinic@example.org"));
        Assert.Null(SetupSetting.Plain("Any", "Anything").Validate(string.Empty));
    }

    [Fact]
    public void A_check_outcome_needs_a_line_saying_what_happened()
    {
        Assert.True(SetupCheck.Ok("accepted").IsOk);
        Assert.False(SetupCheck.Failed("refused").IsOk);
        Assert.Throws<ArgumentException>(() => SetupCheck.Failed(" "));
    }
}
