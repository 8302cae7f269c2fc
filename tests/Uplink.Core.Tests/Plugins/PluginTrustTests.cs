using Microsoft.Extensions.Time.Testing;
using Uplink.Core.Plugins.Manifest;
using Uplink.Core.Plugins.Trust;

namespace Uplink.Core.Tests.Plugins;

public sealed class PluginTrustTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("uplink-trust-").FullName;
    private readonly string _plugin;
    private readonly PluginManifest _manifest;

    public PluginTrustTests()
    {
        _plugin = Directory.CreateDirectory(Path.Combine(_root, "plugins", "Vendor.Plugin")).FullName;
        Directory.CreateDirectory(Path.Combine(_root, "bundled"));
        File.WriteAllText(Path.Combine(_plugin, "Vendor.Plugin.dll"), "code");
        Directory.CreateDirectory(Path.Combine(_plugin, "de"));
        File.WriteAllText(Path.Combine(_plugin, "de", "Vendor.Plugin.resources.dll"), "resources");
        File.WriteAllText(Path.Combine(_plugin, "plugin.json"), """{ "id": "Vendor.Plugin", "version": "1.0.0", "kinds": ["Output"], "entryAssembly": "Vendor.Plugin.dll", "contracts": ">=1.0 <2.0" }""");
        _manifest = PluginManifestReader.Read(_plugin);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void APluginWithNoRecord_IsNotTrusted()
    {
        var decision = Trust().Check(_manifest, _plugin);

        Assert.Equal(TrustSource.None, decision.Source);
        Assert.False(decision.Tampered);
        Assert.Contains("uplink plugins trust Vendor.Plugin", decision.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Approve_RecordsEveryFileIncludingSubfolders_AndTheFolderIsThenTrusted()
    {
        var record = Trust().Approve(_manifest, _plugin);

        Assert.Equal(["Vendor.Plugin.dll", "de/Vendor.Plugin.resources.dll", "plugin.json"], record.Files.Keys);
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero), record.TrustedAt);
        Assert.Equal(TrustSource.Admin, Trust().Check(_manifest, _plugin).Source);
    }

    [Fact]
    public void AChangedFileInASubfolder_IsNamed()
    {
        Trust().Approve(_manifest, _plugin);
        File.WriteAllText(Path.Combine(_plugin, "de", "Vendor.Plugin.resources.dll"), "patched");

        var decision = Trust().Check(_manifest, _plugin);

        Assert.True(decision.Tampered);
        Assert.StartsWith("file 'de/Vendor.Plugin.resources.dll' changed", decision.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void ARemovedFile_IsNamed()
    {
        Trust().Approve(_manifest, _plugin);
        File.Delete(Path.Combine(_plugin, "de", "Vendor.Plugin.resources.dll"));

        Assert.Contains("file 'de/Vendor.Plugin.resources.dll' was removed", Trust().Check(_manifest, _plugin).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void ABundledList_InSha256sumFormat_TrustsAMatchingFolder_AndRefusesAChangedOne()
    {
        var lines = PluginFileHashes.Compute(_plugin).Select(kv => $"{kv.Value.ToUpperInvariant()}  {kv.Key}");
        File.WriteAllLines(Path.Combine(_root, "bundled", "Vendor.Plugin.sha256"), lines);

        Assert.Equal(TrustSource.Bundled, Trust().Check(_manifest, _plugin).Source);

        File.WriteAllText(Path.Combine(_plugin, "Vendor.Plugin.dll"), "evil");
        var decision = Trust().Check(_manifest, _plugin);
        Assert.Equal(TrustSource.None, decision.Source);
        Assert.Contains("file 'Vendor.Plugin.dll' changed", decision.Problem, StringComparison.Ordinal);
        Assert.EndsWith("compared to the files shipped with Uplink", decision.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void TheTrustStore_IsReadableByItsOwnerOnly()
    {
        Trust().Approve(_manifest, _plugin);

        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(TrustStore.InDataDirectory(Path.Combine(_root, "data")).Path));
        }
    }

    private PluginTrust Trust() => new(
        new BundledPluginList(Path.Combine(_root, "bundled")),
        TrustStore.InDataDirectory(Path.Combine(_root, "data")),
        new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero)));
}
