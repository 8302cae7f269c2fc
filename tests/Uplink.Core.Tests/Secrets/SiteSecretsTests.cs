using Uplink.Core.Secrets;

namespace Uplink.Core.Tests.Secrets;

public sealed class SiteSecretsTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("uplink-secrets-").FullName;

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public void EnsureCreated_MakesA32ByteUidKey_AndALongAdminKey_ThatDifferPerSite_AndNoPlainViewPointKey()
    {
        var first = SiteSecrets.EnsureCreated(_data);
        var other = SiteSecrets.EnsureCreated(Directory.CreateDirectory(Path.Combine(_data, "other-site")).FullName);

        Assert.Equal(32, first.UidKey.Length);
        Assert.True(SiteSecrets.ReadAdminKey(_data)!.Length >= 43);
        Assert.NotEqual(first.UidKey, other.UidKey);
        Assert.NotEqual(SiteSecrets.ReadAdminKey(_data), SiteSecrets.ReadAdminKey(other.DataDirectory));
        Assert.Equal(_data, first.DataDirectory);
        Assert.False(File.Exists(ViewPointKeyMigration.LegacyKeyPath(_data)));
    }

    [Fact]
    public void EnsureCreated_NeverReplacesAnExistingSecret()
    {
        var first = SiteSecrets.EnsureCreated(_data);
        var admin = SiteSecrets.ReadAdminKey(_data);
        File.Delete(SiteSecrets.AdminKeyPath(_data));

        var second = SiteSecrets.EnsureCreated(_data);

        Assert.Equal(first.UidKey, second.UidKey);
        Assert.NotEqual(admin, SiteSecrets.ReadAdminKey(_data));
    }

    [Fact]
    public void Load_RefusesAUidKeyOfTheWrongLength_NamingTheFile()
    {
        SiteSecrets.EnsureCreated(_data);
        File.WriteAllBytes(SiteSecrets.UidKeyPath(_data), new byte[16]);

        var error = Assert.Throws<InvalidOperationException>(() => SiteSecrets.Load(_data));

        Assert.Equal($"{SiteSecrets.UidKeyPath(_data)} holds 16 bytes; a UID key is exactly 32 bytes.", error.Message);
    }

    [Fact]
    public void Load_WithoutSecrets_SaysToRunSetup()
    {
        var error = Assert.Throws<InvalidOperationException>(() => SiteSecrets.Load(_data));

        Assert.Contains("run 'uplink setup'", error.Message, StringComparison.Ordinal);
    }
}
