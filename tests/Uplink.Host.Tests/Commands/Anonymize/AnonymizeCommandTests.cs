using System.Text.Json;
using Uplink.Dicom;
using Uplink.Host.Commands;
using Uplink.Host.Commands.Anonymize;

namespace Uplink.Host.Tests.Commands.Anonymize;

public sealed class AnonymizeCommandTests : IDisposable
{
    private readonly AnonymizeFixtures _fixtures = new();
    private readonly StringWriter _out = new();
    private readonly StringWriter _error = new();

    public void Dispose()
    {
        _fixtures.Dispose();
        _out.Dispose();
        _error.Dispose();
    }

    [Fact]
    public async Task A_folder_with_a_held_back_image_writes_the_rest_reports_all_and_exits_non_zero()
    {
        _fixtures.Ultrasound("series1/image.dcm");
        _fixtures.Ultrasound("series1/capture.dcm", sopClass: "1.2.840.10008.5.1.4.1.1.7", burnedIn: "YES", withRegion: false);
        await File.WriteAllTextAsync(Path.Combine(_fixtures.Inputs, "notes.txt"), "not an image", TestContext.Current.CancellationToken);

        var exit = await RunAsync("--profile", "Anon-LPU-O", "--out", _fixtures.Output, _fixtures.Inputs);

        Assert.Equal(ExitCodes.Failed, exit);
        Assert.Equal("ANONYMOUS", DicomFile.Open(Path.Combine(_fixtures.Output, "series1", "image.dcm")).Dataset.GetString(DicomTags.PatientName));
        Assert.False(File.Exists(Path.Combine(_fixtures.Output, "series1", "capture.dcm")));
        Assert.False(File.Exists(Path.Combine(_fixtures.Output, "notes.txt")));
        Assert.Contains("1 anonymized and verified, 1 discarded, 1 set aside, of 3 files", _out.ToString(), StringComparison.Ordinal);
        Assert.Contains("SetAside   series1/capture.dcm: Anon-LPU-O cleans the burned-in text of Secondary Capture images and holds back what it cannot clean: no known image area for (unnamed) (unnamed) 2x2", _out.ToString(), StringComparison.Ordinal);
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(_fixtures.Output + ".report.json", TestContext.Current.CancellationToken));
        Assert.Equal(3, report.RootElement.GetProperty("files").GetInt32());
        Assert.Equal(1, report.RootElement.GetProperty("setAside").GetInt32());
        var image = report.RootElement.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("input").GetString() == "series1/image.dcm");
        Assert.True(image.GetProperty("audit").GetProperty("verifier").GetProperty("passed").GetBoolean());
        Assert.DoesNotContain("Verbplant", report.RootElement.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Standard_keeps_a_non_dicom_file_byte_for_byte_and_reports_it_to_be_password_protected()
    {
        _fixtures.Ultrasound("image.dcm");
        var pdf = "%PDF-1.4 exam report"u8.ToArray();
        await File.WriteAllBytesAsync(Path.Combine(_fixtures.Inputs, "report.pdf"), pdf, TestContext.Current.CancellationToken);

        var exit = await RunAsync("--profile", "Standard", "--out", _fixtures.Output, _fixtures.Inputs);

        Assert.Equal(ExitCodes.Success, exit);
        Assert.Equal(pdf, await File.ReadAllBytesAsync(Path.Combine(_fixtures.Output, "report.pdf"), TestContext.Current.CancellationToken));
        Assert.Contains("1 non-DICOM kept as they came (to be sent password protected)", _out.ToString(), StringComparison.Ordinal);
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(_fixtures.Output + ".report.json", TestContext.Current.CancellationToken));
        Assert.Equal(1, report.RootElement.GetProperty("keptNonDicom").GetInt32());
        var kept = report.RootElement.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("input").GetString() == "report.pdf");
        Assert.Equal("application/pdf", kept.GetProperty("audit").GetProperty("output").GetProperty("mediaType").GetString());
    }

    [Fact]
    public async Task Files_that_all_pass_exit_zero_and_keep_uids_consistent_with_a_site_key()
    {
        var key = Path.Combine(_fixtures.Folder, "site.key");
        await File.WriteAllBytesAsync(key, [.. Enumerable.Range(0, 32).Select(i => (byte)i)], TestContext.Current.CancellationToken);
        var source = _fixtures.Ultrasound("series1/image.dcm");

        var first = await RunAsync("--profile", "anon-lpu-o", "--out", _fixtures.Output, "--uid-key", key, "--jobs", "1", source);
        var second = await RunAsync("--profile", "Anon-LPU-O", "--out", _fixtures.Output + "2", "--uid-key", key, source);

        Assert.Equal(ExitCodes.Success, first);
        Assert.Equal(ExitCodes.Success, second);
        Assert.Equal(
            DicomFile.Open(Path.Combine(_fixtures.Output, "image.dcm")).Dataset.GetString(DicomTags.StudyInstanceUID),
            DicomFile.Open(Path.Combine(_fixtures.Output + "2", "image.dcm")).Dataset.GetString(DicomTags.StudyInstanceUID));
    }

    [Theory]
    [InlineData("--out", "x", "in.dcm")]
    [InlineData("--profile", "Anon-LPU-O", "in.dcm")]
    [InlineData("--profile", "Anon-LPU-O", "--out", "--jobs", "2", "in.dcm")]
    [InlineData("--profile", "Anon-LPU-O", "--out", "x", "--jobs", "zero", "in.dcm")]
    [InlineData("--profile", "Anon-LPU-O", "--out", "x", "--fast", "in.dcm")]
    public async Task An_incomplete_command_line_is_a_usage_error(params string[] args)
    {
        var exit = await RunAsync(args);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("Usage: uplink anonymize", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_profile_is_named_with_the_ones_there_are()
    {
        var exit = await RunAsync("--profile", "Lenient", "--out", _fixtures.Output, _fixtures.Inputs);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("no profile 'Lenient'. Profiles: ", _error.ToString(), StringComparison.Ordinal);
        Assert.Contains("Anon-LPU-O", _error.ToString(), StringComparison.Ordinal);
    }

    private Task<int> RunAsync(params string[] args)
    {
        var console = new ConsoleOutput(_out, _error);
        return new AnonymizeCommand(AnonymizeFixtures.Catalog(), TimeProvider.System, console)
            .RunAsync([.. args, "--plugins", AnonymizeFixtures.PluginsFolder()], TestContext.Current.CancellationToken, console);
    }
}
