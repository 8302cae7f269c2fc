using Uplink.Core.Anonymization;
using Uplink.Dicom;

namespace Uplink.Core.Tests.Anonymization;

public sealed class HmacUidRemapperTests
{
    private static readonly byte[] Key = [.. Enumerable.Range(0, 32).Select(i => (byte)i)];

    [Fact]
    public void Remap_SameOriginalAndKey_GivesTheSameValidUidUnderTwoTwentyFive()
    {
        var first = new HmacUidRemapper(Key).Remap("1.2.3.4.5");
        var second = new HmacUidRemapper(Key).Remap("1.2.3.4.5");

        Assert.Equal(first, second);
        Assert.StartsWith("2.25.", first, StringComparison.Ordinal);
        Assert.True(DicomUid.IsValid(first));
    }

    [Fact]
    public void Remap_AnotherSiteKey_GivesAnotherUid()
    {
        var other = Key.Select(b => (byte)(b ^ 0xFF)).ToArray();

        Assert.NotEqual(new HmacUidRemapper(Key).Remap("1.2.3.4.5"), new HmacUidRemapper(other).Remap("1.2.3.4.5"));
    }

    [Fact]
    public void Remap_DifferentOriginals_GiveDifferentUids_AndPaddingDoesNotMatter()
    {
        var remapper = new HmacUidRemapper(Key);

        Assert.NotEqual(remapper.Remap("1.2.3.4.5"), remapper.Remap("1.2.3.4.6"));
        Assert.Equal(remapper.Remap("1.2.3.4"), remapper.Remap("1.2.3.4\0"));
    }

    [Fact]
    public void Constructor_KeyShorterThanSixteenBytes_IsRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => new HmacUidRemapper(new byte[15]));

        Assert.Contains("15 bytes", error.Message, StringComparison.Ordinal);
    }
}
