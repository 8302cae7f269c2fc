using Uplink.Host.Commands.Dicom;

namespace Uplink.Host.Tests.Commands.Dicom;

public sealed class DicomNodeAddressTests
{
    [Theory]
    [InlineData("PACS@10.0.0.5:104", "PACS", "10.0.0.5", 104)]
    [InlineData("ORTHANC@localhost:4242", "ORTHANC", "localhost", 4242)]
    [InlineData("A@[::1]:11112", "A", "::1", 11112)]
    public void A_well_formed_address_parses_into_AE_host_and_port(string text, string ae, string host, int port)
        => Assert.Equal(new DicomNodeAddress(ae, host, port), DicomNodeAddress.TryParse(text, out _));

    [Theory]
    [InlineData("10.0.0.5:104", "AE@HOST:PORT")]
    [InlineData("@host:104", "AE@HOST:PORT")]
    [InlineData("PACS@host", "AE@HOST:PORT")]
    [InlineData("PACS@host:", "AE@HOST:PORT")]
    [InlineData("PACS@host:99999", "Port")]
    [InlineData("PACS@host:1x4", "Port")]
    [InlineData("SEVENTEEN_CHARS_X@host:104", "AE title")]
    [InlineData(@"BACK\SLASH@host:104", "AE title")]
    public void A_malformed_address_is_refused_naming_the_wrong_part(string text, string named)
    {
        Assert.Null(DicomNodeAddress.TryParse(text, out var error));
        Assert.Contains(named, error, StringComparison.Ordinal);
    }
}
