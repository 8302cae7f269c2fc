using Microsoft.Extensions.Logging.Abstractions;
using Uplink.Core.Plugins;
using Uplink.Core.Plugins.Manifest;
using Uplink.Core.Plugins.Trust;
using Uplink.Host.Hosting;
using Uplink.Host.Tests.Plugins;

namespace Uplink.Host.Tests.Hosting;

public sealed class UnhandledExceptionReporterTests
{
    [Fact]
    public async Task Culprit_NamesThePluginWhoseCodeThrew_OrTheHost()
    {
        using var sandbox = new PluginSandbox();
        var folder = sandbox.AddTestPlugin("Uplink.TestPlugins.FailingInput");
        new PluginTrust(new BundledPluginList(sandbox.BundledDirectory), TrustStore.InDataDirectory(sandbox.DataDirectory), TimeProvider.System)
            .Approve(PluginManifestReader.Read(folder), folder);
        using var system = sandbox.Load(new PluginSelection("TEST", "none", string.Empty, ["Uplink.TestPlugins.FailingInput"], []));
        var reporter = new UnhandledExceptionReporter(system, NullLogger<UnhandledExceptionReporter>.Instance);
        var input = Assert.Single(Assert.Single(system.Loaded).Inputs);

        var fromPlugin = await Assert.ThrowsAsync<InvalidOperationException>(() => input.RunAsync(null!, TestContext.Current.CancellationToken));
        var fromHost = Assert.Throws<FormatException>(() => Uplink.Core.Plugins.Manifest.ContractsRange.Parse("nonsense"));

        Assert.Equal("Uplink.TestPlugins.FailingInput", reporter.Culprit(fromPlugin));
        Assert.Equal("Uplink.TestPlugins.FailingInput", reporter.Culprit(new AggregateException("wrapped", fromPlugin)));
        Assert.Equal("host", reporter.Culprit(fromHost));
    }
}
