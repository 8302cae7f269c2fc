using Uplink.Dicom.Tests.Support;

namespace Uplink.Dicom.Tests.Text;

/// <summary>Text through Specific Character Set, checked against the corpus's charset files (values as dcmdump shows them).</summary>
public sealed class CharacterSetTests
{
    [Fact]
    public void Iso2022Ir58_DecodesGb2312AfterTheEscapeSequence()
    {
        var file = DicomFile.Open(Path.Combine(Corpus.RequireFolder(), "charset/iso2022_ir58_gb2312.dcm"));

        Assert.Equal("Zhang^XiaoDong=张^小东=", file.Dataset.GetString(DicomTags.PatientName));
    }

    [Fact]
    public void DicomdirRecords_EachDecodeThroughTheirOwnCharacterSet()
    {
        var file = DicomFile.Open(Path.Combine(Corpus.RequireFolder(), "charset/dicomdir_multi_charset_iso2022.dcm"));
        var records = ((DicomSequence)file.Dataset[DicomTags.DirectoryRecordSequence]!).Items;

        var names = records.Select(r => r.GetString(DicomTags.PatientName)).Where(n => !string.IsNullOrEmpty(n)).ToHashSet();

        Assert.Contains("Yamada^Tarou=山田^太郎=やまだ^たろう", names);
        Assert.Contains("ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎=やまだ^たろう", names);
        Assert.Contains("Hong^Gildong=洪^吉洞=홍^길동", names);
        Assert.Contains("Wang^XiaoDong=王^小东=", names);
        Assert.Contains("Wang^XiaoDong=王^小東=", names);
        Assert.Contains("Διονυσιος", names);
        Assert.Contains("Люкceмбypг", names);
        Assert.Contains("שרון^דבורה", names);
        Assert.Contains("قباني^لنزار", names);
        Assert.Contains("Buc^Jérôme", names);
    }

    [Fact]
    public void CodeExtensionLatin1_AndLatin2_Decode()
    {
        var folder = Corpus.RequireFolder();
        var cr = DicomFile.Open(Path.Combine(folder, "charset/iso2022_ir100_cr.dcm"));

        Assert.Equal("Bäcken", cr.Dataset.GetString(DicomTags.StudyDescription));
    }

    [Theory]
    [InlineData("ISO_IR 192", "Wang^XiaoDong=王^小東=")]
    [InlineData("GB18030", "Wang^XiaoDong=王^小东=")]
    [InlineData("ISO_IR 100", "Buc^Jérôme")]
    [InlineData("ISO_IR 144", "Люкceмбypг")]
    [InlineData("\\ISO 2022 IR 87", "Yamada^Tarou=山田^太郎=やまだ^たろう")]
    [InlineData("\\ISO 2022 IR 149", "Hong^Gildong=洪^吉洞=홍^길동")]
    [InlineData("\\ISO 2022 IR 58", "Zhang^XiaoDong=张^小东=")]
    public void AddOrUpdate_EncodesThroughTheCharacterSet_AndDecodesBack(string characterSet, string name)
    {
        var dataset = new DicomDataset();
        dataset.AddOrUpdate(DicomTags.SpecificCharacterSet, DicomVR.CS, characterSet);

        dataset.AddOrUpdate(DicomTags.PatientName, DicomVR.PN, name);

        Assert.Equal(name, dataset.GetString(DicomTags.PatientName));
    }

    [Fact]
    public void AddOrUpdate_TextTheCharacterSetCannotHold_IsRefused()
    {
        var dataset = new DicomDataset();
        dataset.AddOrUpdate(DicomTags.SpecificCharacterSet, DicomVR.CS, "ISO_IR 100");

        var error = Assert.Throws<ArgumentException>(() => dataset.AddOrUpdate(DicomTags.PatientName, DicomVR.PN, "王"));

        Assert.Contains("cannot represent", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Iso2022Japanese_EscapesBackToAsciiBeforeDelimiters()
    {
        var dataset = new DicomDataset();
        dataset.AddOrUpdate(DicomTags.SpecificCharacterSet, DicomVR.CS, "\\ISO 2022 IR 87");

        dataset.AddOrUpdate(DicomTags.PatientName, DicomVR.PN, "山田^太郎");

        var bytes = ((DicomElement)dataset[DicomTags.PatientName]!).Bytes.ToArray();
        Assert.Equal("\u001b$B;3ED\u001b(B^\u001b$BB@O:\u001b(B", System.Text.Encoding.ASCII.GetString(bytes));
    }
}
