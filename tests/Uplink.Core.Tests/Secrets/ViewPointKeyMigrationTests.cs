using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Uplink.Core.Configuration;
using Uplink.Core.Secrets;

namespace Uplink.Core.Tests.Secrets;

public sealed class ViewPointKeyMigrationTests : IDisposable
{
    private const string Key = "an-old-plain-viewpoint-key-0123456789abcdef";
    private readonly string _data = Directory.CreateTempSubdirectory("uplink-migrate-").FullName;
    private readonly CapturingLogger _log = new();

    public void Dispose() => Directory.Delete(_data, recursive: true);

    private string ConfigPath => Path.Combine(_data, "uplink.json");

    [Fact]
    public void A_folder_from_an_older_build_gets_the_same_key_sealed_and_loses_the_plain_file_and_the_log_never_holds_the_key()
    {
        var legacy = OlderFolder(keyFile: true);

        Assert.True(ViewPointKeyMigration.Migrate(ConfigPath, _data, _log));

        var settings = ViewPointSettings();
        Assert.Equal("sealed:uplink.input.viewpoint.apikey", settings["ApiKey"]!.GetValue<string>());
        Assert.Null(settings["ApiKeyFile"]);
        Assert.False(File.Exists(legacy));
        Assert.Equal(Key, SealedSettingResolver.Resolve(UplinkConfigurationFile.Read(ConfigPath), _data)["Uplink:Plugins:Uplink.Input.ViewPoint:ApiKey"]);
        foreach (var file in Directory.EnumerateFiles(_data, "*", SearchOption.AllDirectories))
        {
            Assert.DoesNotContain(Key, File.ReadAllText(file), StringComparison.Ordinal);
        }

        var line = Assert.Single(_log.Lines);
        Assert.Contains(legacy, line, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_whose_configuration_never_named_the_file_is_migrated_too()
    {
        OlderFolder(keyFile: false);

        Assert.True(ViewPointKeyMigration.Migrate(ConfigPath, _data, _log));

        Assert.Equal("sealed:uplink.input.viewpoint.apikey", ViewPointSettings()["ApiKey"]!.GetValue<string>());
    }

    [Fact]
    public void A_second_start_changes_nothing()
    {
        OlderFolder(keyFile: true);
        ViewPointKeyMigration.Migrate(ConfigPath, _data, _log);
        var migrated = File.ReadAllText(ConfigPath);

        Assert.False(ViewPointKeyMigration.Migrate(ConfigPath, _data, _log));
        Assert.Equal(migrated, File.ReadAllText(ConfigPath));
    }

    [Fact]
    public void A_plain_key_in_the_configuration_is_sealed_and_removed_from_it()
    {
        WriteConfig(new JsonObject { ["ApiKey"] = Key });

        Assert.True(ViewPointKeyMigration.Migrate(ConfigPath, _data, _log));

        Assert.DoesNotContain(Key, File.ReadAllText(ConfigPath), StringComparison.Ordinal);
        Assert.Equal(Key, SealedSettingResolver.Resolve(UplinkConfigurationFile.Read(ConfigPath), _data)["Uplink:Plugins:Uplink.Input.ViewPoint:ApiKey"]);
    }

    [Fact]
    public void A_key_file_that_another_system_manages_is_left_alone()
    {
        var managed = Path.Combine(_data, "managed.key");
        File.WriteAllText(managed, Key);
        WriteConfig(new JsonObject { ["ApiKeyFile"] = managed });

        Assert.False(ViewPointKeyMigration.Migrate(ConfigPath, _data, _log));

        Assert.True(File.Exists(managed));
        Assert.Equal(managed, ViewPointSettings()["ApiKeyFile"]!.GetValue<string>());
    }

    private string OlderFolder(bool keyFile)
    {
        var legacy = ViewPointKeyMigration.LegacyKeyPath(_data);
        Directory.CreateDirectory(Path.GetDirectoryName(legacy)!);
        File.WriteAllText(legacy, Key);
        var settings = new JsonObject { ["Listen"] = "http://127.0.0.1:8640" };
        if (keyFile)
        {
            settings["ApiKeyFile"] = legacy;
        }

        WriteConfig(settings);
        return legacy;
    }

    private void WriteConfig(JsonObject viewPoint) =>
        File.WriteAllText(ConfigPath, new JsonObject
        {
            ["Uplink"] = new JsonObject { ["DataDirectory"] = _data, ["Plugins"] = new JsonObject { ["Uplink.Input.ViewPoint"] = viewPoint } },
        }.ToJsonString());

    private JsonObject ViewPointSettings() =>
        JsonNode.Parse(File.ReadAllText(ConfigPath))!["Uplink"]!["Plugins"]!["Uplink.Input.ViewPoint"]!.AsObject();

    private sealed class CapturingLogger : ILogger
    {
        public List<string> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add(formatter(state, exception));
    }
}
