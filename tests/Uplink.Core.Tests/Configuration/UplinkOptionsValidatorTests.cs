using Uplink.Core.Configuration;

namespace Uplink.Core.Tests.Configuration;

public sealed class UplinkOptionsValidatorTests
{
    [Fact]
    public void ACompleteConfiguration_IsValid()
    {
        Assert.True(new UplinkOptionsValidator().Validate(null, Valid()).Succeeded);
    }

    [Fact]
    public void AnEmptyConfiguration_NamesEveryMissingSetting_AndTheFix()
    {
        var result = new UplinkOptionsValidator().Validate(null, new UplinkOptions());

        Assert.True(result.Failed);
        Assert.Contains("Uplink:ExpertCode is required (run 'uplink setup' to write the configuration)", result.Failures!);
        Assert.Contains("Uplink:DataDirectory is required (run 'uplink setup' to write the configuration)", result.Failures!);
        Assert.Contains("Uplink:Inputs must name at least one input plugin", result.Failures!);
        Assert.Contains("Uplink:Outputs must name at least one output plugin", result.Failures!);
    }

    [Fact]
    public void APluginIdWithAPath_IsRejected()
    {
        var options = Valid();
        options.Outputs.Add("../../etc");

        Assert.Contains("Uplink:Outputs:1 value '../../etc' is not a plugin id", new UplinkOptionsValidator().Validate(null, options).Failures!);
    }

    [Fact]
    public void ABackoffLongerThanItsMaximum_IsRejected()
    {
        var options = Valid();
        options.Supervision.InitialBackoff = TimeSpan.FromMinutes(5);

        Assert.True(new UplinkOptionsValidator().Validate(null, options).Failed);
    }

    private static UplinkOptions Valid() => new()
    {
        ExpertCode = "Anon-LPU-O",
        Profile = "Anon-LPU-O",
        ProfilePlugin = "Uplink.Profiles.Builtin",
        Inputs = ["Uplink.Input.ViewPoint"],
        Outputs = ["Uplink.Output.Tricefy"],
        DataDirectory = "/var/lib/uplink",
    };
}
