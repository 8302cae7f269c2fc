using Uplink.Core.Secrets;

namespace Uplink.Core.Tests.Secrets;

public sealed class SealedSettingsTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("uplink-sealed-").FullName;

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public void Seal_ThenOpen_GivesTheValueBack_AndTheFileDoesNotHoldIt()
    {
        var reference = SealedSettings.Seal(_data, "tricefy-token", "s3cret-token-value");

        Assert.Equal("sealed:tricefy-token", reference);
        Assert.Equal("s3cret-token-value", SealedSettings.Open(_data, "tricefy-token"));
        var file = Path.Combine(SiteSecrets.SecretsDirectory(_data), "tricefy-token.sealed");
        Assert.DoesNotContain("s3cret", System.Text.Encoding.UTF8.GetString(File.ReadAllBytes(file)), StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }
    }

    [Fact]
    public void Open_AnAlteredFile_FailsNamingTheFile_NeverTheValue()
    {
        SealedSettings.Seal(_data, "tricefy-token", "s3cret-token-value");
        var file = Path.Combine(SiteSecrets.SecretsDirectory(_data), "tricefy-token.sealed");
        var bytes = File.ReadAllBytes(file);
        bytes[^1] ^= 0x01;
        File.WriteAllBytes(file, bytes);

        var error = Assert.Throws<InvalidOperationException>(() => SealedSettings.Open(_data, "tricefy-token"));

        Assert.Contains(file, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_ASealedFileRenamedToAnotherSetting_DoesNotOpen()
    {
        SealedSettings.Seal(_data, "tricefy-token", "s3cret-token-value");
        var secrets = SiteSecrets.SecretsDirectory(_data);
        File.Copy(Path.Combine(secrets, "tricefy-token.sealed"), Path.Combine(secrets, "other.sealed"));

        Assert.Throws<InvalidOperationException>(() => SealedSettings.Open(_data, "other"));
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("a/b")]
    [InlineData("")]
    public void Seal_ANameThatIsNotAPlainName_IsRefused(string name)
    {
        Assert.Throws<ArgumentException>(() => SealedSettings.Seal(_data, name, "x"));
    }
}
