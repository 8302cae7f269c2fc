using Uplink.Core.Plugins.Manifest;
using Uplink.Plugins.Abstractions;

namespace Uplink.Core.Tests.Plugins;

public sealed class PluginManifestReaderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("uplink-manifest-").FullName;

    public PluginManifestReaderTests() => File.WriteAllText(Path.Combine(_folder, "Vendor.Plugin.dll"), string.Empty);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Read_AValidManifest_ReturnsEveryField()
    {
        Write("""{ "id": "Vendor.Plugin", "version": "2.1.0", "kinds": ["Output", "input"], "entryAssembly": "Vendor.Plugin.dll", "contracts": ">=1.0 <2.0", "description": "d", "vendor": "v" }""");

        var manifest = PluginManifestReader.Read(_folder);

        Assert.Equal("Vendor.Plugin", manifest.Id);
        Assert.Equal("2.1.0", manifest.Version);
        Assert.Equal([PluginKind.Output, PluginKind.Input], manifest.Kinds);
        Assert.Equal(">=1.0 <2.0", manifest.Contracts.Text);
        Assert.Equal("v", manifest.Vendor);
    }

    [Theory]
    [InlineData("""{ "version": "1", "kinds": ["Output"], "entryAssembly": "Vendor.Plugin.dll", "contracts": ">=1.0" }""", "field 'id' is missing")]
    [InlineData("""{ "id": "../evil", "version": "1", "kinds": ["Output"], "entryAssembly": "Vendor.Plugin.dll", "contracts": ">=1.0" }""", "field 'id' value '../evil' is not a valid id")]
    [InlineData("""{ "id": "P", "version": "1", "kinds": ["Exporter"], "entryAssembly": "Vendor.Plugin.dll", "contracts": ">=1.0" }""", "field 'kinds' has unknown kind 'Exporter'")]
    [InlineData("""{ "id": "P", "version": "1", "kinds": [], "entryAssembly": "Vendor.Plugin.dll", "contracts": ">=1.0" }""", "field 'kinds' must be a non-empty array")]
    [InlineData("""{ "id": "P", "version": "1", "kinds": ["Output"], "entryAssembly": "../host/uplink.dll", "contracts": ">=1.0" }""", "field 'entryAssembly' value '../host/uplink.dll' must be a .dll file name inside the plugin folder")]
    [InlineData("""{ "id": "P", "version": "1", "kinds": ["Output"], "entryAssembly": "Other.dll", "contracts": ">=1.0" }""", "field 'entryAssembly' names 'Other.dll', which is not in the plugin folder")]
    [InlineData("""{ "id": "P", "version": "1", "kinds": ["Output"], "entryAssembly": "Vendor.Plugin.dll", "contracts": "one" }""", "field 'contracts' value 'one'")]
    [InlineData("""{ "id": "P", "version": 1, "kinds": ["Output"], "entryAssembly": "Vendor.Plugin.dll", "contracts": ">=1.0" }""", "field 'version' must be a non-empty string")]
    [InlineData("{ \"id\": \"P\",\n  \"version\": }", "not valid JSON at line 2")]
    public void Read_ABadManifest_NamesTheFileAndTheField(string json, string expected)
    {
        Write(json);

        var error = Assert.Throws<PluginManifestException>(() => PluginManifestReader.Read(_folder));

        Assert.StartsWith(Path.Combine(_folder, "plugin.json"), error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_AFolderWithoutManifest_SaysSo()
    {
        var error = Assert.Throws<PluginManifestException>(() => PluginManifestReader.Read(_folder));
        Assert.EndsWith("no plugin.json in the plugin folder", error.Message, StringComparison.Ordinal);
    }

    private void Write(string json) => File.WriteAllText(Path.Combine(_folder, "plugin.json"), json);
}
