using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Uplink.Core.Plugins.Supervision;
using Uplink.Plugins.Abstractions;
using Uplink.Plugins.Abstractions.Setup;

namespace Uplink.Core.Tests.Plugins.Supervision;

public sealed class GuardedPluginSetupTests
{
    private static readonly IConfiguration Configured = new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { ["Token"] = "the-secret-token" }).Build();

    [Fact]
    public async Task A_check_that_throws_is_a_failed_check_naming_the_plugin_and_the_type_never_the_message()
    {
        var guarded = Guard(new Throwing());

        var check = await guarded.CheckAsync(TestContext.Current.CancellationToken);

        Assert.False(check.IsOk);
        Assert.Equal("plugin Vendor.Out's check threw InvalidOperationException", check.Message);
        Assert.DoesNotContain("the-secret-token", check.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_check_that_answers_null_is_a_failed_check()
    {
        var check = await Guard(new Answers(null)).CheckAsync(TestContext.Current.CancellationToken);

        Assert.False(check.IsOk);
        Assert.Contains("returned no outcome", check.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_plugin_sees_its_configured_settings_and_its_id_and_its_outcome_is_passed_on()
    {
        var plugin = new Answers(SetupCheck.Ok("fine"));

        var check = await Guard(plugin).CheckAsync(TestContext.Current.CancellationToken);

        Assert.True(check.IsOk);
        Assert.Equal("fine", check.Message);
        Assert.Equal("Vendor.Out", plugin.Seen!.PluginId);
        Assert.Equal("the-secret-token", plugin.Seen.Settings["Token"]);
    }

    [Fact]
    public void Settings_that_throw_become_no_settings_and_a_problem_naming_the_plugin()
    {
        var guarded = Guard(new Throwing());

        Assert.Empty(guarded.Settings);
        Assert.Equal("plugin Vendor.Out's setup settings threw InvalidOperationException", guarded.SettingsProblem);
    }

    private static GuardedPluginSetup Guard(IPluginSetup plugin) =>
        new("Vendor.Out", plugin, Configured, Path.GetTempPath(), TimeProvider.System, NullLogger.Instance);

    private sealed class Throwing : IPluginSetup
    {
        public IReadOnlyList<SetupSetting> Settings => throw new InvalidOperationException("the-secret-token");

        public Task<SetupCheck> CheckAsync(IPluginContext context, CancellationToken cancellationToken) =>
            throw new InvalidOperationException($"refused {context.Settings["Token"]}");
    }

    private sealed class Answers(SetupCheck? outcome) : IPluginSetup
    {
        public IPluginContext? Seen { get; private set; }

        public IReadOnlyList<SetupSetting> Settings => [];

        public Task<SetupCheck> CheckAsync(IPluginContext context, CancellationToken cancellationToken)
        {
            Seen = context;
            return Task.FromResult(outcome!);
        }
    }
}
