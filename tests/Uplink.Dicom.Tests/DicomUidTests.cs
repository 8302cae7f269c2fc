using System.Security.Cryptography;

namespace Uplink.Dicom.Tests;

public sealed class DicomUidTests
{
    [Fact]
    public void FromHash_Is2Dot25AndTheBigEndianValueOf16Bytes()
    {
        byte[] hash = [.. new byte[15], 1, 0xFF];

        Assert.Equal("2.25.1", DicomUid.FromHash(hash));
        Assert.Equal("2.25.340282366920938463463374607431768211455", DicomUid.FromHash(Enumerable.Repeat((byte)0xFF, 32).ToArray()));
    }

    [Fact]
    public void FromHash_OfARealHash_IsAValidUid()
    {
        var uid = DicomUid.FromHash(SHA256.HashData("1.2.3.4"u8));

        Assert.True(DicomUid.IsValid(uid));
        Assert.StartsWith("2.25.", uid, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => DicomUid.FromHash(new byte[15]));
    }

    [Theory]
    [InlineData("1.2.840.10008.1.2.1", true)]
    [InlineData("2.25.0", true)]
    [InlineData("1.02.3", false)]
    [InlineData("1..2", false)]
    [InlineData("1.2.", false)]
    [InlineData("1.2a", false)]
    [InlineData("", false)]
    [InlineData("1.2.3333333333333333333333333333333333333333333333333333333333333333", false)]
    public void IsValid_FollowsPs35Chapter9(string uid, bool valid) => Assert.Equal(valid, DicomUid.IsValid(uid));
}
