namespace Uplink.Dicom.Tests;

public sealed class DicomTransferSyntaxTests
{
    [Fact]
    public void WellKnownSyntaxes_HaveTheirEncodingFlags()
    {
        Assert.False(DicomTransferSyntax.ImplicitVRLittleEndian.IsExplicitVR);
        Assert.False(DicomTransferSyntax.ExplicitVRBigEndian.IsLittleEndian);
        Assert.True(DicomTransferSyntax.DeflatedExplicitVRLittleEndian.IsDeflated);
        Assert.True(DicomTransferSyntax.JpegBaseline.IsEncapsulated);
        Assert.Equal("1.2.840.10008.1.2.4.70", DicomTransferSyntax.JpegLossless.Uid);
        Assert.Equal("RLE Lossless", DicomTransferSyntax.RleLossless.Name);
        Assert.False(DicomTransferSyntax.ExplicitVRLittleEndian.IsEncapsulated);
    }

    [Fact]
    public void Lookup_IgnoresPaddingAndReturnsTheSameInstance()
    {
        Assert.Same(DicomTransferSyntax.ExplicitVRLittleEndian, DicomTransferSyntax.Lookup("1.2.840.10008.1.2.1\0"));
        Assert.True(DicomTransferSyntax.Lookup("1.2.840.10008.1.2.4.203").IsEncapsulated);
    }

    [Fact]
    public void Lookup_UnknownUid_IsEncapsulatedExplicitLittleEndian()
    {
        var unknown = DicomTransferSyntax.Lookup("1.2.3.4");

        Assert.True(unknown.IsExplicitVR && unknown.IsLittleEndian && unknown.IsEncapsulated && !unknown.IsDeflated);
        Assert.Contains("1.2.3.4", unknown.Name, StringComparison.Ordinal);
    }
}
