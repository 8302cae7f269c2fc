using Uplink.Core.Plugins;
using Uplink.Core.Plugins.Manifest;
using Uplink.Core.Plugins.Trust;

namespace Uplink.Host.Tests.Plugins;

public sealed class PluginRefusalTests : IDisposable
{
    private readonly PluginSandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public void APluginThrowingInConfigureServices_IsRefused_AndTheOthersLoad()
    {
        Trust(_sandbox.AddTestPlugin("Uplink.TestPlugins.ThrowsInConfigure"));
        Trust(_sandbox.AddTestPlugin("Uplink.TestPlugins.Echo"));

        using var system = _sandbox.Load(PluginSandbox.Outputs("Uplink.TestPlugins.ThrowsInConfigure", "Uplink.TestPlugins.Echo"));

        var refused = system.States.Find("Uplink.TestPlugins.ThrowsInConfigure")!;
        Assert.Equal(PluginStatus.ConfigureFailed, refused.Status);
        Assert.Contains("InvalidOperationException: the test plugin's settings are missing 'Endpoint'", refused.Reason, StringComparison.Ordinal);
        Assert.Equal(PluginStatus.Loaded, system.States.Find("Uplink.TestPlugins.Echo")!.Status);
        Assert.Equal("Uplink.TestPlugins.Echo", Assert.Single(system.Active.Outputs).PluginId);
    }

    [Fact]
    public void APluginBuiltForANewerContractsMajor_IsRefusedBeforeAnyOfItsCodeLoads()
    {
        Trust(_sandbox.AddTestPlugin("Uplink.TestPlugins.NewerContracts"));
        Trust(_sandbox.AddTestPlugin("Uplink.TestPlugins.Echo"));

        using var system = _sandbox.Load(PluginSandbox.Outputs("Uplink.TestPlugins.NewerContracts", "Uplink.TestPlugins.Echo"));

        var refused = system.States.Find("Uplink.TestPlugins.NewerContracts")!;
        Assert.Equal(PluginStatus.IncompatibleContracts, refused.Status);
        Assert.Equal($"built for contracts >=2.0 <3.0, this host provides {Uplink.Plugins.Abstractions.ContractsVersion.Text}; not loaded", refused.Reason);
        Assert.DoesNotContain(AppDomain.CurrentDomain.GetAssemblies(), a => a.GetName().Name == "Uplink.TestPlugins.NewerContracts");
        Assert.Equal(PluginStatus.Loaded, system.States.Find("Uplink.TestPlugins.Echo")!.Status);
    }

    [Fact]
    public void APluginWhoseManifestClaimsThisMajorButIsBuiltAgainstANewerOne_IsRefusedBeforeAnyOfItsCodeLoads()
    {
        var folder = _sandbox.AddTestPlugin("Uplink.TestPlugins.NewerContracts");
        var manifest = Path.Combine(folder, "plugin.json");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace(">=2.0 <3.0", ">=1.0 <2.0", StringComparison.Ordinal));
        Trust(folder);

        using var system = _sandbox.Load(PluginSandbox.Outputs("Uplink.TestPlugins.NewerContracts"));

        var refused = system.States.Find("Uplink.TestPlugins.NewerContracts")!;
        Assert.Equal(PluginStatus.IncompatibleContracts, refused.Status);
        Assert.Equal("Uplink.TestPlugins.NewerContracts.dll is built against Uplink.Plugins.Abstractions 2.0.0.0 although its manifest says contracts >=1.0 <2.0; this host provides 1.0.0.0; not loaded", refused.Reason);
        Assert.DoesNotContain(AppDomain.CurrentDomain.GetAssemblies(), a => a.GetName().Name == "Uplink.TestPlugins.NewerContracts");
    }

    [Fact]
    public void AFileChangedAfterTrust_RefusesThePlugin_NamingTheFile()
    {
        var folder = _sandbox.AddTestPlugin("Uplink.TestPlugins.Echo");
        Trust(folder);
        File.AppendAllText(Path.Combine(folder, "Uplink.TestPlugins.Echo.deps.json"), " ");
        Trust(_sandbox.AddTestPlugin("Uplink.TestPlugins.OldPolly"));

        using var system = _sandbox.Load(PluginSandbox.Outputs("Uplink.TestPlugins.Echo", "Uplink.TestPlugins.OldPolly"));

        var refused = system.States.Find("Uplink.TestPlugins.Echo")!;
        Assert.Equal(PluginStatus.Tampered, refused.Status);
        Assert.StartsWith("file 'Uplink.TestPlugins.Echo.deps.json' changed", refused.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(system.Loaded, p => p.Manifest.Id == "Uplink.TestPlugins.Echo");
        Assert.Equal(PluginStatus.Loaded, system.States.Find("Uplink.TestPlugins.OldPolly")!.Status);
    }

    [Fact]
    public void AFileAddedAfterTrust_RefusesThePlugin_NamingTheFile()
    {
        var folder = _sandbox.AddTestPlugin("Uplink.TestPlugins.Echo");
        Trust(folder);
        File.WriteAllText(Path.Combine(folder, "extra.dll"), "not from the vendor");

        using var system = _sandbox.Load(PluginSandbox.Outputs("Uplink.TestPlugins.Echo"));

        var refused = system.States.Find("Uplink.TestPlugins.Echo")!;
        Assert.Equal(PluginStatus.Tampered, refused.Status);
        Assert.Contains("file 'extra.dll' was added after the plugin was trusted", refused.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void TwoFoldersWithOneId_AreBothRefused_AndADifferentPluginStillLoads()
    {
        Trust(_sandbox.AddTestPlugin("Uplink.TestPlugins.Echo"));
        _sandbox.AddTestPlugin("Uplink.TestPlugins.DuplicateId");
        Trust(_sandbox.AddTestPlugin("Uplink.TestPlugins.OldPolly"));

        using var system = _sandbox.Load(PluginSandbox.Outputs("Uplink.TestPlugins.Echo", "Uplink.TestPlugins.OldPolly"));

        var duplicates = system.States.All.Where(s => s.Id == "Uplink.TestPlugins.Echo").ToList();
        Assert.Equal(2, duplicates.Count);
        Assert.All(duplicates, d =>
        {
            Assert.Equal(PluginStatus.DuplicateId, d.Status);
            Assert.Contains("(Uplink.TestPlugins.DuplicateId, Uplink.TestPlugins.Echo)", d.Reason, StringComparison.Ordinal);
        });
        Assert.Equal("Uplink.TestPlugins.OldPolly", Assert.Single(system.Loaded).Manifest.Id);
    }

    [Fact]
    public void APluginNeitherBundledNorApproved_IsRefusedAsUntrusted_WithTheCommandToApproveIt()
    {
        _sandbox.AddTestPlugin("Uplink.TestPlugins.Echo");

        using var system = _sandbox.Load(PluginSandbox.Outputs("Uplink.TestPlugins.Echo"));

        var refused = system.States.Find("Uplink.TestPlugins.Echo")!;
        Assert.Equal(PluginStatus.Untrusted, refused.Status);
        Assert.Contains("uplink plugins trust Uplink.TestPlugins.Echo", refused.Reason, StringComparison.Ordinal);
        Assert.Empty(system.Loaded);
    }

    [Fact]
    public void AnEntryAssemblyThatIsNotAnAssembly_IsRefusedAsLoadFailed()
    {
        var folder = _sandbox.AddTestPlugin("Uplink.TestPlugins.Echo");
        File.WriteAllText(Path.Combine(folder, "Uplink.TestPlugins.Echo.dll"), "MZ but not really");
        Trust(folder);

        using var system = _sandbox.Load(PluginSandbox.Outputs("Uplink.TestPlugins.Echo"));

        var refused = system.States.Find("Uplink.TestPlugins.Echo")!;
        Assert.Equal(PluginStatus.LoadFailed, refused.Status);
        Assert.Contains("Uplink.TestPlugins.Echo.dll could not be loaded: BadImageFormatException", refused.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ABadManifest_IsRefused_NamingTheField()
    {
        var folder = _sandbox.AddTestPlugin("Uplink.TestPlugins.Echo");
        File.WriteAllText(Path.Combine(folder, "plugin.json"), """{ "id": "Uplink.TestPlugins.Echo", "version": "1.0.0", "kinds": ["Output"], "contracts": ">=1.0 <2.0" }""");

        using var system = _sandbox.Load(PluginSandbox.Outputs("Uplink.TestPlugins.Echo"));

        var refused = Assert.Single(system.States.All, s => s.Directory == folder);
        Assert.Equal(PluginStatus.InvalidManifest, refused.Status);
        Assert.EndsWith("field 'entryAssembly' is missing", refused.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ASelectedPluginThatIsNotInstalled_IsReportedMissing()
    {
        using var system = _sandbox.Load(PluginSandbox.Outputs("Uplink.Output.Nowhere"));

        var missing = Assert.Single(system.States.All);
        Assert.Equal(PluginStatus.Missing, missing.Status);
        Assert.True(missing.Active);
    }

    private void Trust(string folder) =>
        new PluginTrust(new BundledPluginList(_sandbox.BundledDirectory), TrustStore.InDataDirectory(_sandbox.DataDirectory), TimeProvider.System)
            .Approve(PluginManifestReader.Read(folder), folder);
}
