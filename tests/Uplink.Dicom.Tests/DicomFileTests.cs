using Uplink.Dicom.Tests.Support;

namespace Uplink.Dicom.Tests;

public sealed class DicomFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("uplink-dicomfile-").FullName;

    [Fact]
    public void Save_RebuildsFileMetaFromTheDataset()
    {
        var dataset = new DicomDataset();
        dataset.AddOrUpdate(DicomTags.SOPClassUID, DicomVR.UI, "1.2.840.10008.5.1.4.1.1.6.1");
        dataset.AddOrUpdate(DicomTags.SOPInstanceUID, DicomVR.UI, "2.25.77");
        var path = Path.Combine(_folder, "new.dcm");

        new DicomFile(dataset, DicomTransferSyntax.ImplicitVRLittleEndian).Save(path);
        var file = DicomFile.Open(path);

        var meta = file.FileMetaInformation;
        Assert.Equal("1.2.840.10008.5.1.4.1.1.6.1", meta.GetString(DicomTags.MediaStorageSOPClassUID));
        Assert.Equal("2.25.77", meta.GetString(DicomTags.MediaStorageSOPInstanceUID));
        Assert.Equal(DicomTransferSyntax.ExplicitVRLittleEndian, file.TransferSyntax);
        Assert.Equal(new byte[] { 0, 1 }, ((DicomElement)meta[DicomTags.FileMetaInformationVersion]!).Bytes.ToArray());
        Assert.False(string.IsNullOrEmpty(meta.GetString(DicomTags.ImplementationClassUID)));
        var groupLength = meta.GetInt32(DicomTags.FileMetaInformationGroupLength);
        var metaEnd = 132 + 12 + groupLength;
        var bytes = File.ReadAllBytes(path);
        Assert.Equal(new byte[] { 0x08, 0x00 }, bytes[(int)metaEnd!..((int)metaEnd + 2)]);
    }

    [Fact]
    public void Save_PadsOddValuesToEvenLengthWithTheVRsPaddingByte()
    {
        var dataset = new DicomDataset();
        dataset.AddOrUpdate(DicomTags.SOPInstanceUID, DicomVR.UI, "2.25.71");
        dataset.AddOrUpdate(DicomTags.PatientName, DicomVR.PN, "Doe");
        dataset.AddOrUpdate(DicomElement.FromBytes(DicomTags.PixelData, DicomVR.OB, new byte[] { 1, 2, 3 }));
        var path = Path.Combine(_folder, "odd.dcm");

        new DicomFile(dataset, DicomTransferSyntax.ExplicitVRLittleEndian).Save(path);
        var reread = DicomFile.Open(path).Dataset;

        Assert.Equal("2.25.71\0"u8.ToArray(), ((DicomElement)reread[DicomTags.SOPInstanceUID]!).Bytes.ToArray());
        Assert.Equal("Doe "u8.ToArray(), ((DicomElement)reread[DicomTags.PatientName]!).Bytes.ToArray());
        Assert.Equal(new byte[] { 1, 2, 3, 0 }, ((DicomElement)reread[DicomTags.PixelData]!).Bytes.ToArray());
        Assert.Equal("Doe", reread.GetString(DicomTags.PatientName));
    }

    [Fact]
    public void Save_OverTheSourceFile_KeepsTheObjectsBulkValuesReadable()
    {
        var path = Path.Combine(_folder, "inplace.dcm");
        var pixels = Enumerable.Range(0, 200_000).Select(i => (byte)i).ToArray();
        var dataset = new DicomDataset();
        dataset.AddOrUpdate(DicomTags.SOPInstanceUID, DicomVR.UI, "2.25.8");
        dataset.AddOrUpdate(DicomElement.FromBytes(DicomTags.PixelData, DicomVR.OB, pixels));
        new DicomFile(dataset, DicomTransferSyntax.ExplicitVRLittleEndian).Save(path);

        var file = DicomFile.Open(path);
        file.Dataset.AddOrUpdate(DicomTags.PatientName, DicomVR.PN, "Changed");
        file.Save(path);

        var reread = DicomFile.Open(path, new DicomReadOptions { BulkDataThreshold = int.MaxValue }).Dataset;
        Assert.Equal("Changed", reread.GetString(DicomTags.PatientName));
        Assert.Equal(pixels, ((DicomElement)reread[DicomTags.PixelData]!).Bytes.ToArray());
        Assert.Single(Directory.GetFiles(_folder));
        Assert.Equal(pixels, DatasetAssert.ReadAll(((DicomElement)file.Dataset[DicomTags.PixelData]!).OpenValue()));
        file.Save(path);
        Assert.Equal(pixels, ((DicomElement)DicomFile.Open(path, new DicomReadOptions { BulkDataThreshold = int.MaxValue }).Dataset[DicomTags.PixelData]!).Bytes.ToArray());
        var aside = Assert.Single(file.TemporaryFiles);
        Assert.True(File.Exists(aside));
        file.Dispose();
        Assert.False(File.Exists(aside));
    }

    [Fact]
    public void Read_NonSeekableStream_IsSpooledSoBulkDataStillStreams()
    {
        var source = Path.Combine(Corpus.RequireFolder(), "us/ge_voluson_rgb_exvrle.dcm");
        using var pipe = new NonSeekableStream(File.OpenRead(source));

        var file = DicomFile.Read(pipe);

        var pixels = Assert.IsType<DicomElement>(file.Dataset[DicomTags.PixelData]);
        Assert.True(pixels.IsBulk);
        Assert.NotEqual(source, pixels.Bulk!.Path);
        Assert.Equal(DicomFile.Open(source).Dataset.GetString(DicomTags.Rows), file.Dataset.GetString(DicomTags.Rows));
        Assert.Equal([pixels.Bulk.Path], file.TemporaryFiles);
        file.Dispose();
        Assert.False(File.Exists(pixels.Bulk.Path));
    }

    [Fact]
    public void Open_DeflatedDatasetLargerThanMemoryAllows_InflatesToASpoolThatDisposeDeletes()
    {
        var path = Path.Combine(_folder, "deflated.dcm");
        var body = new RawDicom()
            .Text(0x0008, 0x0018, "UI", "2.25.9")
            .Element(0x7FE0, 0x0010, "OB", new byte[40 * 1024 * 1024])
            .ToArray();
        File.WriteAllBytes(path, RawDicom.Part10(DicomTransferSyntax.DeflatedExplicitVRLittleEndian.Uid, body, deflate: true));

        var file = DicomFile.Open(path);

        var spool = Assert.Single(file.TemporaryFiles);
        Assert.Equal(spool, Assert.IsType<DicomElement>(file.Dataset[DicomTags.PixelData]).Bulk!.Path);
        file.Dispose();
        Assert.False(File.Exists(spool));
        Assert.Empty(file.TemporaryFiles);
    }

    [Fact]
    public void BareDatasetWithoutPreamble_IsReadAndWrittenAsPart10()
    {
        var source = Path.Combine(Corpus.RequireFolder(), "nondicom/acr_nema_no_meta_mr_ivrle.dcm");
        var written = Path.Combine(_folder, "part10.dcm");

        var file = DicomFile.Open(source);
        file.Save(written);

        Assert.False(file.HadPreamble);
        Assert.Equal(DicomTransferSyntax.ImplicitVRLittleEndian, file.TransferSyntax);
        Assert.True(DicomFile.Open(written).HadPreamble);
    }

    [Fact]
    public void PrivateElements_KeepTheirCreators_EvenWhenTheCreatorIsEncodedAsUN()
    {
        var file = DicomFile.Open(Path.Combine(Corpus.RequireFolder(), "structure/private_creator_un_utf8.dcm"));

        var creators = file.Dataset.Where(i => i.Tag.IsPrivateCreator).ToList();

        Assert.NotEmpty(creators);
        Assert.All(creators, c => Assert.Equal(DicomVR.LO, c.VR));
        var element = file.Dataset.First(i => i.Tag.IsPrivate && !i.Tag.IsPrivateCreator && i.Tag.Element >= 0x1000);
        Assert.False(string.IsNullOrEmpty(file.Dataset.GetPrivateCreator(element.Tag)));
    }

    [Fact]
    public void PreambleWithoutFileMeta_StartsTheDatasetAfterDicm()
    {
        var body = new RawDicom(explicitVR: false).Text(0x0008, 0x0060, "CS", "US").Text(0x0010, 0x0010, "PN", "Doe^Jane").ToArray();
        byte[] bytes = [.. new byte[128], .. "DICM"u8, .. body];

        var file = DicomFile.Read(new MemoryStream(bytes));

        Assert.True(file.HadPreamble);
        Assert.Equal("Doe^Jane", file.Dataset.GetString(DicomTags.PatientName));
        Assert.Equal(DicomTransferSyntax.ImplicitVRLittleEndian, file.TransferSyntax);
    }

    [Fact]
    public void LongTextOverTheBulkThreshold_StaysInMemorySoItCanBeRead()
    {
        var text = new string('x', 100_000);
        var dataset = new DicomDataset();
        dataset.AddOrUpdate(DicomTags.SOPInstanceUID, DicomVR.UI, "2.25.9");
        dataset.AddOrUpdate(DicomTags.TextValue, DicomVR.UT, text);
        dataset.AddOrUpdate(DicomElement.FromBytes(DicomTags.PixelData, DicomVR.OB, new byte[100_000]));
        var path = Path.Combine(_folder, "text.dcm");
        new DicomFile(dataset, DicomTransferSyntax.ExplicitVRLittleEndian).Save(path);

        var reread = DicomFile.Open(path).Dataset;

        Assert.Equal(text, reread.GetString(DicomTags.TextValue));
        Assert.True(((DicomElement)reread[DicomTags.PixelData]!).IsBulk);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private sealed class NonSeekableStream(Stream inner) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
