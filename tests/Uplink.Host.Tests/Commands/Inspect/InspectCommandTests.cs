using System.Text.Json;
using Uplink.Dicom;
using Uplink.Host.Commands;
using Uplink.Host.Commands.Inspect;

namespace Uplink.Host.Tests.Commands.Inspect;

public sealed class InspectCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("uplink-inspect-").FullName;
    private readonly StringWriter _out = new();
    private readonly StringWriter _error = new();

    [Fact]
    public async Task Inspect_ValidFile_PrintsOneLinePerElementWithItemsIndented()
    {
        var path = WriteSample();

        var code = await Run(path);

        Assert.Equal(ExitCodes.Success, code);
        var lines = _out.ToString().Split('\n');
        Assert.Contains(lines, l => l.StartsWith("(0010,0010) PN [Doe^Jane]", StringComparison.Ordinal) && l.TrimEnd().EndsWith("PatientName", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("(0008,9215) SQ (Sequence, 1 item)", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("    (0008,0100) SH [121327]", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("(0028,0010) US 2", StringComparison.Ordinal));
        Assert.Empty(_error.ToString());
    }

    [Fact]
    public async Task InspectJson_ValidFile_PrintsTheDicomJsonModelWithFileMetaAndPixelDataAsLength()
    {
        var path = WriteSample();

        var code = await Run("--json", path);

        Assert.Equal(ExitCodes.Success, code);
        using var json = JsonDocument.Parse(_out.ToString());
        var root = json.RootElement;
        Assert.Equal("1.2.840.10008.1.2.1", root.GetProperty("00020010").GetProperty("Value")[0].GetString());
        Assert.Equal("Doe^Jane", root.GetProperty("00100010").GetProperty("Value")[0].GetProperty("Alphabetic").GetString());
        Assert.Equal(2, root.GetProperty("00280010").GetProperty("Value")[0].GetInt32());
        Assert.Equal("121327", root.GetProperty("00089215").GetProperty("Value")[0].GetProperty("00080100").GetProperty("Value")[0].GetString());
        Assert.Equal("bulkdata:length=8", root.GetProperty("7FE00010").GetProperty("BulkDataURI").GetString());
    }

    [Fact]
    public async Task InspectJson_SeveralFiles_PrintsOneArrayOfDatasets()
    {
        var path = WriteSample();

        var code = await Run("--json", path, path);

        Assert.Equal(ExitCodes.Success, code);
        using var json = JsonDocument.Parse(_out.ToString());
        Assert.Equal(2, json.RootElement.GetArrayLength());
        Assert.Equal("Doe^Jane", json.RootElement[1].GetProperty("00100010").GetProperty("Value")[0].GetProperty("Alphabetic").GetString());
    }

    [Fact]
    public async Task Inspect_SomeFilesBroken_ExitsNonZeroWithOneLinePerFailingFile()
    {
        var good = WriteSample();
        var broken = Path.Combine(_folder, "broken.dcm");
        File.WriteAllBytes(broken, [.. File.ReadAllBytes(good).Take(300)]);
        var missing = Path.Combine(_folder, "missing.dcm");

        var code = await Run(good, broken, missing);

        Assert.Equal(ExitCodes.Failed, code);
        var errors = _error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, errors.Length);
        Assert.StartsWith($"{broken}: ", errors[0], StringComparison.Ordinal);
        Assert.Contains("byte", errors[0], StringComparison.Ordinal);
        Assert.StartsWith($"{missing}: ", errors[1], StringComparison.Ordinal);
        Assert.Contains("(0010,0010) PN [Doe^Jane]", _out.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inspect_NoFiles_IsAUsageError()
    {
        var code = await Run();

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("Usage: uplink inspect FILE...", _error.ToString(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _out.Dispose();
        _error.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task InspectPng_RendersTheChosenFrameToAPngOfTheImagesSize()
    {
        var path = WriteGrayClip();
        var png = Path.Combine(_folder, "frame.png");

        var code = await Run(path, "--frame", "1", "--png", png);

        Assert.Equal(ExitCodes.Success, code);
        var bytes = File.ReadAllBytes(png);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
        Assert.Equal(4, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)));
        Assert.Equal(3, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
    }

    [Fact]
    public async Task InspectPng_AFrameThatDoesNotExistFailsNamingTheFrameCount()
    {
        var path = WriteGrayClip();

        var code = await Run(path, "--frame", "5", "--png", Path.Combine(_folder, "frame.png"));

        Assert.Equal(ExitCodes.Failed, code);
        Assert.Contains("frame 5 does not exist: the image has 2 frame(s)", _error.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_folder, "frame.png")));
    }

    private string WriteGrayClip()
    {
        var dataset = new DicomDataset();
        dataset.AddOrUpdate(DicomTags.SOPClassUID, DicomVR.UI, "1.2.840.10008.5.1.4.1.1.3.1");
        dataset.AddOrUpdate(DicomTags.SOPInstanceUID, DicomVR.UI, "2.25.2");
        dataset.AddOrUpdate(DicomTags.Rows, DicomVR.US, "3");
        dataset.AddOrUpdate(DicomTags.Columns, DicomVR.US, "4");
        dataset.AddOrUpdate(DicomTags.NumberOfFrames, DicomVR.IS, "2");
        dataset.AddOrUpdate(DicomTags.SamplesPerPixel, DicomVR.US, "1");
        dataset.AddOrUpdate(DicomTags.PhotometricInterpretation, DicomVR.CS, "MONOCHROME2");
        dataset.AddOrUpdate(DicomTags.BitsAllocated, DicomVR.US, "8");
        dataset.AddOrUpdate(DicomTags.BitsStored, DicomVR.US, "8");
        dataset.AddOrUpdate(DicomTags.HighBit, DicomVR.US, "7");
        dataset.AddOrUpdate(DicomTags.PixelRepresentation, DicomVR.US, "0");
        dataset.AddOrUpdate(DicomElement.FromBytes(DicomTags.PixelData, DicomVR.OB, Enumerable.Range(0, 24).Select(i => (byte)(i * 10)).ToArray()));
        var path = Path.Combine(_folder, "clip.dcm");
        new DicomFile(dataset, DicomTransferSyntax.ExplicitVRLittleEndian).Save(path);
        return path;
    }

    private Task<int> Run(params string[] args)
    {
        var console = new ConsoleOutput(_out, _error);
        return new InspectCommand(console).RunAsync(args, TestContext.Current.CancellationToken, console);
    }

    private string WriteSample()
    {
        var dataset = new DicomDataset();
        dataset.AddOrUpdate(DicomTags.SOPClassUID, DicomVR.UI, "1.2.840.10008.5.1.4.1.1.7");
        dataset.AddOrUpdate(DicomTags.SOPInstanceUID, DicomVR.UI, "2.25.1");
        dataset.AddOrUpdate(DicomTags.PatientName, DicomVR.PN, "Doe^Jane");
        var code = new DicomDataset();
        code.AddOrUpdate(DicomTags.CodeValue, DicomVR.SH, "121327");
        dataset.AddOrUpdate(new DicomSequence(DicomTags.DerivationCodeSequence, [code]));
        dataset.AddOrUpdate(DicomTags.Rows, DicomVR.US, "2");
        dataset.AddOrUpdate(DicomTags.Columns, DicomVR.US, "2");
        dataset.AddOrUpdate(DicomTags.BitsAllocated, DicomVR.US, "16");
        dataset.AddOrUpdate(DicomElement.FromBytes(DicomTags.PixelData, DicomVR.OW, new byte[8]));
        var path = Path.Combine(_folder, "sample.dcm");
        new DicomFile(dataset, DicomTransferSyntax.ExplicitVRLittleEndian).Save(path);
        return path;
    }
}
