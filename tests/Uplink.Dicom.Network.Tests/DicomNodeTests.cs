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

    [Fact]
    public void A_node_prints_as_it_is_written() => Assert.Equal("PACS@10.0.0.5:104", DicomNode.Parse("PACS@10.0.0.5:104").ToString());
}
