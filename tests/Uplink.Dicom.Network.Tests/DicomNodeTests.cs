namespace Uplink.Dicom.Network.Tests;

/// <summary>Parsing <c>AE@HOST:PORT</c> as the retrieval settings give it.</summary>
public sealed class DicomNodeTests
{
    [Theory]
    [InlineData("PACS@10.0.0.5:104", "PACS", "10.0.0.5", 104)]
    [InlineData("VIEWPOINT@archive.clinic.local:11112", "VIEWPOINT", "archive.clinic.local", 11112)]
    [InlineData("ARCHIVE@[::1]:4242", "ARCHIVE", "::1", 4242)]
    public void A_node_is_read_as_its_AE_title_host_and_port(string text, string ae, string host, int port) =>
        Assert.Equal(new DicomNode(ae, host, port), DicomNode.Parse(text));

    [Theory]
    [InlineData("PACS10.0.0.5:104", "AE@HOST:PORT")]
    [InlineData("@10.0.0.5:104", "AE@HOST:PORT")]
    [InlineData("PACS@:104", "AE@HOST:PORT")]
    [InlineData("PACS@10.0.0.5", "AE@HOST:PORT")]
    [InlineData("PACS@10.0.0.5:0", "port '0'")]
    [InlineData("PACS@10.0.0.5:70000", "port '70000'")]
    [InlineData("AN_AE_TITLE_TOO_LONG@h:104", "AE title")]
    public void A_malformed_node_is_refused_naming_the_part_that_is_wrong(string text, string named) =>
        Assert.Contains(named, Assert.Throws<FormatException>(() => DicomNode.Parse(text)).Message, StringComparison.Ordinal);

    // The command line's cases (uplink dicom echo/send parse their AE@HOST:PORT here too).
    [Theory]
    [InlineData("PACS@10.0.0.5:104", "PACS", "10.0.0.5", 104)]
    [InlineData("ORTHANC@localhost:4242", "ORTHANC", "localhost", 4242)]
    [InlineData("A@[::1]:11112", "A", "::1", 11112)]
    public void A_well_formed_address_parses_into_AE_host_and_port(string text, string ae, string host, int port)
        => Assert.Equal(new DicomNode(ae, host, port), DicomNode.Parse(text));

    [Theory]
    [InlineData("10.0.0.5:104", "AE@HOST:PORT")]
    [InlineData("@host:104", "AE@HOST:PORT")]
    [InlineData("PACS@host", "AE@HOST:PORT")]
    [InlineData("PACS@host:", "AE@HOST:PORT")]
    [InlineData("PACS@host:99999", "Port")]
    [InlineData("PACS@host:1x4", "Port")]
    [InlineData("SEVENTEEN_CHARS_X@host:104", "AE title")]
    [InlineData(@"BACK\SLASH@host:104", "AE title")]
    public void A_malformed_address_is_refused_naming_the_wrong_part(string text, string named) =>
        Assert.Contains(named, Assert.Throws<FormatException>(() => DicomNode.Parse(text)).Message, StringComparison.Ordinal);

    [Fact]
    public void A_node_prints_as_it_is_written() => Assert.Equal("PACS@10.0.0.5:104", DicomNode.Parse("PACS@10.0.0.5:104").ToString());
}
