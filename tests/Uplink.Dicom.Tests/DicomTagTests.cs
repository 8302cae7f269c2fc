namespace Uplink.Dicom.Tests;

public sealed class DicomTagTests
{
    [Theory]
    [InlineData("(0010,0010)", 0x0010, 0x0010)]
    [InlineData("7FE0,0010", 0x7FE0, 0x0010)]
    [InlineData("00291010", 0x0029, 0x1010)]
    public void Parse_AcceptsTheUsualSpellings(string text, int group, int element)
    {
        var tag = DicomTag.Parse(text);

        Assert.Equal(new DicomTag((ushort)group, (ushort)element), tag);
    }

    [Theory]
    [InlineData("(0010,001)")]
    [InlineData("PatientName")]
    [InlineData("(0010,00GG)")]
    public void Parse_RejectsWhatIsNotATag(string text)
    {
        var error = Assert.Throws<FormatException>(() => DicomTag.Parse(text));

        Assert.Contains(text, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Private_TagsAreOddGroupsAboveEight_AndCreatorsSitAt10ToFF()
    {
        Assert.True(new DicomTag(0x0029, 0x1010).IsPrivate);
        Assert.False(new DicomTag(0x0029, 0x1010).IsPrivateCreator);
        Assert.True(new DicomTag(0x0029, 0x0010).IsPrivateCreator);
        Assert.False(new DicomTag(0x0007, 0x0010).IsPrivate);
        Assert.False(new DicomTag(0x0010, 0x0010).IsPrivate);
    }

    [Fact]
    public void Tags_SortByGroupThenElement()
    {
        var tags = new[] { new DicomTag(0x7FE0, 0x0010), new DicomTag(0x0008, 0x0018), new DicomTag(0x0008, 0x0016) };

        Array.Sort(tags);

        Assert.Equal("(0008,0016) (0008,0018) (7FE0,0010)", string.Join(' ', tags));
    }
}
