using Uplink.Core.Anonymization;

namespace Uplink.Core.Tests.Anonymization;

public sealed class MediaTypeSnifferTests
{
    [Theory]
    [InlineData("255044462D312E37", "application/pdf")]
    [InlineData("FFD8FFE000104A464946", "image/jpeg")]
    [InlineData("89504E470D0A1A0A0000000D", "image/png")]
    [InlineData("0000001C667479706D703432", "video/mp4")]
    [InlineData("0000001466747970717420200000", "video/quicktime")]
    [InlineData("52494646000000004156492000", "video/x-msvideo")]
    [InlineData("4D4D002A", "image/tiff")]
    [InlineData("48656C6C6F", MediaTypeSniffer.Unknown)]
    [InlineData("", MediaTypeSniffer.Unknown)]
    public void Sniff_names_the_media_type_from_the_first_bytes(string hex, string expected) =>
        Assert.Equal(expected, MediaTypeSniffer.Sniff(Convert.FromHexString(hex)));
}
