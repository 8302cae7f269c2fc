using Uplink.Core.Configuration;

namespace Uplink.Core.Tests.Configuration;

public sealed class UplinkConfigurationFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("uplink-config-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void WhatSetupWrites_BindsBackToTheSameSelection_WithPluginSettings()
    {
        var folder = _folder;
        var path = Path.Combine(folder, "uplink.json");
        var code = ExpertCodeCatalog.Load(Path.Combine(AppContext.BaseDirectory, "profiles", "expert-codes.json")).Find("Anon-LPU-O")!;

        UplinkConfigurationFile.Write(path, code, folder, pluginsDirectory: null);
        var root = UplinkConfigurationFile.Read(path);
        var options = UplinkConfigurationFile.Bind(root, path);

        Assert.Equal("Anon-LPU-O", options.ExpertCode);
        Assert.Equal(["Uplink.Input.ViewPoint"], options.Inputs);
        Assert.Equal(folder, options.DataDirectory);
        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "plugins"), options.PluginsDirectory);
        Assert.Equal("{imageId}.dcm", root["Uplink:Plugins:Uplink.Input.ViewPoint:PathTemplate"]);
        Assert.Null(root["Uplink:Plugins:Uplink.Input.ViewPoint:ApiKeyFile"]);
        Assert.True(new UplinkOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void RelativeFolders_AreRelativeToTheConfigurationFile()
    {
        var folder = _folder;
        var path = Path.Combine(folder, "uplink.json");
        File.WriteAllText(path, """{ "Uplink": { "DataDirectory": "data", "PluginsDirectory": "../plugins" } }""");

        var options = UplinkConfigurationFile.Bind(UplinkConfigurationFile.Read(path), path);

        Assert.Equal(Path.Combine(folder, "data"), options.DataDirectory);
        Assert.Equal(Path.GetFullPath(Path.Combine(folder, "..", "plugins")), options.PluginsDirectory);
    }

    [Fact]
    public void AMissingFile_SaysToRunSetup()
    {
        var error = Assert.Throws<FileNotFoundException>(() => UplinkConfigurationFile.Read("/nonexistent/uplink.json"));

        Assert.Contains("run 'uplink setup --expert-code CODE' first", error.Message, StringComparison.Ordinal);
    }
}
