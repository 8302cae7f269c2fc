using System.Runtime.Loader;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Uplink.Core.Plugins;
using Uplink.Core.Plugins.Loading;
using Uplink.Core.Plugins.Manifest;
using Uplink.Plugins.Abstractions.Outputs;
using Uplink.Plugins.Tests.Support;
using Uplink.Tests.Shared;

namespace Uplink.Plugins.Tests.Outputs;

/// <summary>
/// The HTTP outputs as the host loads them: their published folder, McMaster's isolated context and the host's
/// activator. Microsoft.Extensions.Http.Resilience and Polly are the plugin's own (not shared with the host),
/// and a bad setting refuses the plugin with one line naming it.
/// </summary>
public sealed class IsolatedLoadTests
{
    [Fact]
    public async Task Tricefy_LoadedInItsOwnContext_UploadsThroughItsOwnResiliencePipeline()
    {
        await using var scope = await SimulatorScope.StartAsync();
        var activation = Activate("Uplink.Output.Tricefy", scope.Settings(), scope.Temp.Combine("data"));
        using var plugin = activation.Plugin ?? throw new InvalidOperationException($"{activation.Status}: {activation.Reason}");

        var result = Assert.Single(await Assert.Single(plugin.Outputs).DeliverAsync([scope.Instance("2.25.951")], TestContext.Current.CancellationToken));

        Assert.Equal(DeliveryStatus.Delivered, result.Status);
        AssertOwnCopy(plugin, "Microsoft.Extensions.Http.Resilience");
        AssertOwnCopy(plugin, "Polly.Core");
    }

    [Fact]
    public async Task DicomWeb_LoadedInItsOwnContext_TurnsARefusedConnectionIntoRetry()
    {
        using var temp = new TempFolder("uplink-dicomweb-load");
        var activation = Activate("Uplink.Output.DicomWeb", new() { ["BaseUrl"] = "http://127.0.0.1:9/dicom-web" }, temp.Combine("data"));
        using var plugin = activation.Plugin ?? throw new InvalidOperationException($"{activation.Status}: {activation.Reason}");
        var file = MinimalPart10.Write(temp.Combine("i.dcm"), "2.25.952");
        var instance = new OutboundInstance("s", "s/2.25.952", file, new FileInfo(file).Length, MinimalPart10.UltrasoundImage, "2.25.952", "2.25.1", "2.25.2", MinimalPart10.ExplicitVRLittleEndian);

        var result = Assert.Single(await Assert.Single(plugin.Outputs).DeliverAsync([instance], TestContext.Current.CancellationToken));

        Assert.Equal(DeliveryStatus.Retry, result.Status);
        Assert.Contains("connection failed", result.Reason, StringComparison.Ordinal);
        AssertOwnCopy(plugin, "Microsoft.Extensions.Http.Resilience");
    }

    [Theory]
    [InlineData("Uplink.Output.Tricefy", "BreakDuration", "00:00:00.100")]
    [InlineData("Uplink.Output.DicomWeb", "RequestTimeout", "00:00:00")]
    public void BadSetting_RefusesThePluginInOneLineNamingTheSetting(string pluginId, string setting, string value)
    {
        using var temp = new TempFolder("uplink-refusal");
        var settings = new Dictionary<string, string?>
        {
            ["Endpoint"] = "https://tricefy4.com/dicomweb/studies",
            ["Email"] = "site@example.org",
            ["Token"] = "tok-1",
            ["BaseUrl"] = "https://pacs.example/dicom-web",
            [setting] = value,
        };

        var activation = Activate(pluginId, settings, temp.Combine("data"));

        Assert.Null(activation.Plugin);
        Assert.Equal(PluginStatus.ConfigureFailed, activation.Status);
        Assert.Contains($"setting '{setting}'", activation.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', activation.Reason!);
    }

    private static ActivationResult Activate(string pluginId, Dictionary<string, string?> settings, string dataDirectory)
    {
        var configuration = Path.GetFileName(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory));
        var folder = Path.Combine(RepositoryLayout.Root(), "artifacts", "bin", "Uplink.Host", configuration, "plugins", pluginId);
        var activator = new PluginActivator(new McMasterPluginAssemblyLoader(), NullLoggerFactory.Instance, TimeProvider.System);
        return activator.Activate(PluginManifestReader.Read(folder), folder, new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), dataDirectory);
    }

    private static void AssertOwnCopy(LoadedPlugin plugin, string assemblyName)
    {
        var loaded = plugin.Assembly.LoadContext.Assemblies.FirstOrDefault(a => a.GetName().Name == assemblyName);
        Assert.True(loaded is not null, $"{assemblyName} is not loaded in the plugin's context.");
        Assert.NotSame(AssemblyLoadContext.Default, AssemblyLoadContext.GetLoadContext(loaded));
        Assert.StartsWith(plugin.Directory, loaded.Location, StringComparison.Ordinal);
    }
}
