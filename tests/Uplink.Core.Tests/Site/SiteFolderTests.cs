using Microsoft.Extensions.Logging.Abstractions;
using Uplink.Core.Configuration;
using Uplink.Core.Site;

namespace Uplink.Core.Tests.Site;

public sealed class SiteFolderTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("uplink-site-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Data => Path.Combine(_root, "data");

    private string Config => Path.Combine(_root, "uplink.json");

    private static ExpertCode Code =>
        ExpertCodeCatalog.Load(Path.Combine(AppContext.BaseDirectory, "profiles", "expert-codes.json")).Find("Anon-LPU-O")!;

    [Fact]
    public void SetUp_creates_the_secrets_once_and_a_second_run_keeps_the_same_keys()
    {
        Assert.Null(SiteFolder.ReadAdminKey(Data));

        var first = SiteFolder.SetUp(Code, Config, Data, pluginsDirectory: null);
        var uidKey = SiteFolder.ReadUidKey(Data);
        var adminKey = SiteFolder.ReadAdminKey(Data);
        var second = SiteFolder.SetUp(Code, Config, Data, pluginsDirectory: null);

        Assert.False(first.Kept);
        Assert.True(second.Kept);
        Assert.Equal(Path.Combine(Data, "secrets"), second.SecretsDirectory);
        Assert.True(File.Exists(Path.Combine(second.SecretsDirectory, second.AdminKeyFileName)));
        Assert.Equal(32, uidKey.Length);
        Assert.Equal(uidKey, SiteFolder.ReadUidKey(Data));
        Assert.NotNull(adminKey);
        Assert.Equal(adminKey, SiteFolder.ReadAdminKey(Data));
    }

    [Fact]
    public void ReadConfiguration_gives_the_expert_codes_selection_and_opens_a_sealed_setting()
    {
        SiteFolder.SetUp(Code, Config, Data, pluginsDirectory: null);
        var reference = SiteFolder.SealSetting(Data, "Uplink.Output.Tricefy", "Token", "s3cret-token-value");
        SiteFolder.SetPluginSetting(Config, "Uplink.Output.Tricefy", "Token", reference);

        var site = SiteFolder.ReadConfiguration(Config);

        Assert.DoesNotContain("s3cret-token-value", File.ReadAllText(Config), StringComparison.Ordinal);
        Assert.Equal(Path.GetFullPath(Config), site.Path);
        Assert.Equal(Data, site.Options.DataDirectory);
        Assert.Equal("Anon-LPU-O", site.Selection.ExpertCode);
        Assert.Equal(Code.Inputs, site.Selection.Inputs);
        Assert.Equal("s3cret-token-value", site.Root[$"{UplinkOptions.SectionName}:Plugins:Uplink.Output.Tricefy:Token"]);
    }

    [Fact]
    public void ReadConfiguration_of_a_missing_file_says_to_run_setup()
    {
        var error = Assert.Throws<FileNotFoundException>(() => SiteFolder.ReadConfiguration(Config));

        Assert.Contains("uplink setup", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MigrateOlderFolder_of_a_current_folder_changes_nothing()
    {
        SiteFolder.SetUp(Code, Config, Data, pluginsDirectory: null);
        var before = File.ReadAllText(Config);

        Assert.False(SiteFolder.MigrateOlderFolder(Config, Data, NullLogger.Instance));
        Assert.Equal(before, File.ReadAllText(Config));
    }
}
