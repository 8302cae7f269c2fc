using Uplink.Core.Anonymization;
using Uplink.Core.Secrets;

namespace Uplink.Core.Tests.Anonymization;

public sealed class SiteUidRemapperTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "uplink-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public void Without_the_site_secrets_remapping_says_the_anonymizer_is_unavailable_and_how_to_fix_it()
    {
        var remapper = new SiteUidRemapper(_data);

        var error = Assert.Throws<AnonymizerUnavailableException>(() => remapper.Remap("1.2.3"));

        Assert.Contains("uplink setup", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Once_setup_has_run_it_remaps_as_the_site_key_does_without_a_restart()
    {
        var remapper = new SiteUidRemapper(_data);
        Assert.Throws<AnonymizerUnavailableException>(() => remapper.Remap("1.2.3"));

        SiteSecrets.EnsureCreated(_data);

        Assert.Equal(new HmacUidRemapper(SiteSecrets.ReadUidKey(_data)).Remap("1.2.3"), remapper.Remap("1.2.3"));
    }

    [Fact]
    public void A_uid_key_of_the_wrong_length_is_reported_with_its_length()
    {
        SiteSecrets.EnsureCreated(_data);
        File.WriteAllBytes(SiteSecrets.UidKeyPath(_data), new byte[7]);

        var error = Assert.Throws<AnonymizerUnavailableException>(() => new SiteUidRemapper(_data).Remap("1.2.3"));

        Assert.Contains("7 bytes", error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }
}
