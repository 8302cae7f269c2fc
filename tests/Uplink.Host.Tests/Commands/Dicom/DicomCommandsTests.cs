using Uplink.Host.Commands;
using Uplink.Host.Commands.Dicom;
using Uplink.Tests.Shared;

namespace Uplink.Host.Tests.Commands.Dicom;

/// <summary><c>uplink dicom echo</c> and <c>uplink dicom send</c> against dcmtk storescp on loopback.</summary>
public sealed class DicomCommandsTests
{
    private readonly StringWriter _out = new();
    private readonly StringWriter _error = new();

    [Fact]
    public async Task Echo_against_storescp_prints_success_and_exits_0()
    {
        await using var peer = await StorescpPeer.StartAsync();

        var code = await Echo($"{StorescpPeer.AeTitle}@127.0.0.1:{peer.Port}");

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("C-ECHO success", _out.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Echo_to_a_port_nobody_listens_on_fails_with_the_reason_and_exits_1()
    {
        var peer = await StorescpPeer.StartAsync();
        var port = peer.Port;
        await peer.DisposeAsync();

        var code = await Echo($"{StorescpPeer.AeTitle}@127.0.0.1:{port}", "--timeout", "5");

        Assert.Equal(ExitCodes.Failed, code);
        Assert.Contains("Cannot connect", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Echo_rejected_by_the_peer_names_the_rejection()
    {
        await using var peer = await StorescpPeer.StartAsync("--refuse");

        var code = await Echo($"{StorescpPeer.AeTitle}@127.0.0.1:{peer.Port}");

        Assert.Equal(ExitCodes.Failed, code);
        Assert.Contains("rejected the association", _error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData]
    [InlineData("not-a-node")]
    [InlineData("A@h:104", "extra.dcm")]
    [InlineData("A@h:104", "--timeout", "0")]
    [InlineData("A@h:104", "--bogus")]
    public async Task Echo_with_bad_arguments_prints_usage_and_exits_2(params string[] args)
    {
        Assert.Equal(ExitCodes.Usage, await new DicomEchoCommand(Console()).RunAsync(args, TestContext.Current.CancellationToken, Console()));
        Assert.Contains("sage: uplink dicom echo", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_stores_each_file_as_stored_and_reports_a_line_per_file()
    {
        var corpus = RepositoryLayout.Shared("dicom-corpus") ?? throw new InvalidOperationException("no corpus");
        string[] files = [Path.Combine(corpus, "us/acuson_ybr_full_rle.dcm"), Path.Combine(corpus, "us/philips_palette_ivrle.dcm")];
        await using var peer = await StorescpPeer.StartAsync();

        var code = await Send([$"{StorescpPeer.AeTitle}@127.0.0.1:{peer.Port}", "--aet", "ADMIN", "--max-pdu", "4096", .. files]);

        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal(2, peer.Files().Length);
        Assert.Equal(
            files.Select(f => new FileInfo(f).Length - DatasetOffset(f)).Order(),
            peer.Files().Select(f => new FileInfo(f).Length - DatasetOffset(f)).Order());
        Assert.Contains("2 of 2 files sent", _out.ToString(), StringComparison.Ordinal);
        Assert.Equal(2, _out.ToString().Split('\n').Count(l => l.Contains("status 0x0000", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Send_reports_a_file_that_is_not_DICOM_and_still_sends_the_others_then_exits_1()
    {
        var corpus = RepositoryLayout.Shared("dicom-corpus") ?? throw new InvalidOperationException("no corpus");
        var good = Path.Combine(corpus, "us/atl_ybr_full_exvrle.dcm");
        var bad = Path.Combine(corpus, "nondicom/png_not_dicom.dcm");
        await using var peer = await StorescpPeer.StartAsync();

        var code = await Send([$"{StorescpPeer.AeTitle}@127.0.0.1:{peer.Port}", bad, good]);

        Assert.Equal(ExitCodes.Failed, code);
        Assert.Single(peer.Files());
        Assert.Contains("not a DICOM Part 10 file", _error.ToString(), StringComparison.Ordinal);
        Assert.Contains("1 of 2 files sent", _out.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_into_a_peer_that_aborts_reports_the_abort_and_exits_1()
    {
        var corpus = RepositoryLayout.Shared("dicom-corpus") ?? throw new InvalidOperationException("no corpus");
        await using var peer = await StorescpPeer.StartAsync("--abort-during");

        var code = await Send([$"{StorescpPeer.AeTitle}@127.0.0.1:{peer.Port}", Path.Combine(corpus, "us/acuson_ybr_full_rle.dcm")]);

        Assert.Equal(ExitCodes.Failed, code);
        Assert.Contains("abort", _error.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    private static long DatasetOffset(string path)
    {
        // Group 0002 length at byte 140 plus the preamble, DICM and that element (12 bytes).
        var bytes = File.ReadAllBytes(path).AsSpan(140, 4);
        return 144 + BitConverter.ToUInt32(bytes);
    }

    private ConsoleOutput Console() => new(_out, _error);

    private Task<int> Echo(params string[] args) => new DicomEchoCommand(Console()).RunAsync(args, TestContext.Current.CancellationToken, Console());

    private Task<int> Send(string[] args) => new DicomSendCommand(Console()).RunAsync(args, TestContext.Current.CancellationToken, Console());
}
