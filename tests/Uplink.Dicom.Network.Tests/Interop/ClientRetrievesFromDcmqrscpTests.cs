using Uplink.Dicom.Network.Tests.Support;
using Uplink.Tests.Shared;

namespace Uplink.Dicom.Network.Tests.Interop;

/// <summary>Uplink's C-FIND, C-GET and C-MOVE SCU against dcmtk dcmqrscp as the archive, on loopback.</summary>
public sealed class ClientRetrievesFromDcmqrscpTests : IDisposable
{
    private const string ExplicitFile = "us/atl_ybr_full_exvrle.dcm";

    private static readonly string[] TransferSyntaxes =
    [
        "1.2.840.10008.1.2", "1.2.840.10008.1.2.1", "1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.4.70", "1.2.840.10008.1.2.5",
    ];

    private readonly TemporaryFolder _store = new();
    private readonly TemporaryFolder _spool = new();

    [Fact]
    public async Task Find_by_sop_instance_uid_returns_the_one_match_with_its_study_and_series()
    {
        var source = Corpus.File(ExplicitFile);
        await using var archive = await DcmqrscpPeer.StartAsync();
        await archive.LoadAsync(source);
        await using var client = await ConnectAsync(archive.Port, DicomPresentationProposal.QueryRetrieve(DicomQueryRoot.Study));

        var result = await client.FindAsync(DicomQuery.FindInstance(DicomQueryRoot.Study, Uid(source)), TestContext.Current.CancellationToken);
        await client.ReleaseAsync(TestContext.Current.CancellationToken);

        Assert.Equal(DimseStatus.Success, result.Status);
        var match = Assert.Single(result.Matches);
        Assert.Equal(Uid(source), match.GetString(DicomTags.SOPInstanceUID));
        using var file = DicomFile.Open(source);
        Assert.Equal(file.Dataset.GetString(DicomTags.StudyInstanceUID), match.GetString(DicomTags.StudyInstanceUID));
        Assert.Equal(file.Dataset.GetString(DicomTags.SeriesInstanceUID), match.GetString(DicomTags.SeriesInstanceUID));
    }

    [Fact]
    public async Task Find_of_a_uid_the_archive_does_not_hold_succeeds_with_no_match()
    {
        await using var archive = await DcmqrscpPeer.StartAsync();
        await archive.LoadAsync(Corpus.File(ExplicitFile));
        await using var client = await ConnectAsync(archive.Port, DicomPresentationProposal.QueryRetrieve(DicomQueryRoot.Study));

        var result = await client.FindAsync(DicomQuery.FindInstance(DicomQueryRoot.Study, "2.25.1234567890"), TestContext.Current.CancellationToken);

        Assert.Equal(DimseStatus.Success, result.Status);
        Assert.Empty(result.Matches);
    }

    // dcmqrscp 3.6.7 sends each sub-operation on the first accepted storage context of the SOP class and converts
    // to its syntax (failing for compressed data), so the syntax the instance is kept in is proposed first here.
    [Theory]
    [InlineData("us/philips_palette_ivrle.dcm")]
    [InlineData("us/atl_ybr_full_exvrle.dcm")]
    [InlineData("us/atl_jpeg_baseline.dcm")]
    public async Task Get_brings_the_instance_over_the_same_association_with_its_data_set_as_archived(string file)
    {
        var source = Corpus.File(file);
        await using var archive = await DcmqrscpPeer.StartAsync(null, "+xy", "-xy");
        await archive.LoadAsync(source);
        var archived = Assert.Single(archive.StoredFiles());
        var syntax = Part10Header.Read(archived).TransferSyntaxUid;
        var handler = new FolderStoreHandler(_store.Path);
        var storage = DicomPresentationProposal.ForRetrievedStorage([Part10Header.Read(source).SopClassUid], [syntax, .. TransferSyntaxes]);
        await using var client = await ConnectAsync(archive.Port, [.. DicomPresentationProposal.QueryRetrieve(DicomQueryRoot.Study), .. storage]);
        var progress = new List<DicomRetrieveStatus>();

        var status = await client.GetAsync(await LocateAsync(client, Uid(source)), handler, new SynchronousProgress(progress), TestContext.Current.CancellationToken);
        await client.ReleaseAsync(TestContext.Current.CancellationToken);

        Assert.Equal((DimseStatus.Success, 1, 0, 0), (status.Status, status.Completed, status.Failed, status.Warning));
        Assert.All(progress, p => Assert.True(p.IsPending));
        var received = Assert.Single(_store.Files());
        Assert.Equal(Corpus.DatasetBytes(archived), Corpus.DatasetBytes(received));
        Assert.Equal(syntax, Part10Header.Read(received).TransferSyntaxUid);
        Assert.Equal(DcmqrscpPeer.AeTitle, Assert.Single(handler.Received).CallingAeTitle);
        Assert.Empty(_spool.Files());
    }

    [Fact]
    public async Task Move_sends_the_instance_to_uplinks_own_scp_and_reports_one_completed_sub_operation()
    {
        var source = Corpus.File(ExplicitFile);
        await using var server = DicomServer.Start(
            new DicomServerOptions { AeTitle = "UPLINK", AbstractSyntaxes = [Part10Header.Read(source).SopClassUid], TemporaryDirectory = _spool.Path },
            new FolderStoreHandler(_store.Path));
        await using var archive = await DcmqrscpPeer.StartAsync(new Dictionary<string, int> { ["UPLINK"] = server.Port });
        await archive.LoadAsync(source);
        await using var client = await ConnectAsync(archive.Port, DicomPresentationProposal.QueryRetrieve(DicomQueryRoot.Study));

        var status = await client.MoveAsync(await LocateAsync(client, Uid(source)), "UPLINK", null, TestContext.Current.CancellationToken);
        await client.ReleaseAsync(TestContext.Current.CancellationToken);

        Assert.Equal(DimseStatus.Success, status.Status);
        Assert.Equal((1, 0, 0), (status.Completed, status.Failed, status.Warning));
        var archived = Assert.Single(archive.StoredFiles());
        Assert.Equal(Corpus.DatasetBytes(archived), Corpus.DatasetBytes(Assert.Single(_store.Files())));
    }

    [Fact]
    public async Task Move_to_a_destination_the_archive_does_not_know_fails_with_A801()
    {
        var source = Corpus.File(ExplicitFile);
        await using var archive = await DcmqrscpPeer.StartAsync();
        await archive.LoadAsync(source);
        await using var client = await ConnectAsync(archive.Port, DicomPresentationProposal.QueryRetrieve(DicomQueryRoot.Study));

        var status = await client.MoveAsync(await LocateAsync(client, Uid(source)), "NOWHERE", null, TestContext.Current.CancellationToken);

        Assert.Equal(DicomRetrieveStatus.MoveDestinationUnknown, status.Status);
        Assert.True(client.IsOpen);
    }

    [Fact]
    public async Task Cancelling_a_series_move_sends_C_CANCEL_and_dcmqrscp_stops_early_keeping_the_association()
    {
        // Four instances of one series, to a storescp that sleeps after each store: time for the cancel to land mid-move.
        var series = await CopiesOfOneSeriesAsync(Corpus.File(ExplicitFile), 4);
        await using var destination = await StorescpPeer.StartAsync("--sleep-after", "1");
        await using var archive = await DcmqrscpPeer.StartAsync(new Dictionary<string, int> { [StorescpPeer.AeTitle] = destination.Port });
        await archive.LoadAsync(series);
        using var file = DicomFile.Open(series[0]);
        var query = DicomQuery.Create(DicomQueryRoot.Study, "SERIES", new Dictionary<DicomTag, string>
        {
            [DicomTags.StudyInstanceUID] = file.Dataset.GetString(DicomTags.StudyInstanceUID)!,
            [DicomTags.SeriesInstanceUID] = file.Dataset.GetString(DicomTags.SeriesInstanceUID)!,
        });
        await using var client = await ConnectAsync(archive.Port, DicomPresentationProposal.QueryRetrieve(DicomQueryRoot.Study));
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var progress = new List<DicomRetrieveStatus>();

        var move = client.MoveAsync(query, StorescpPeer.AeTitle, new CancelOnFirstReport(progress, cancel), cancel.Token);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => move);
        Assert.True(client.IsOpen, "dcmqrscp answered C-CANCEL, so the association should still be usable");
        Assert.True(destination.Files().Length < series.Length, $"{destination.Files().Length} of {series.Length} instances arrived despite the cancel");
        await client.ReleaseAsync(TestContext.Current.CancellationToken);
    }

    public void Dispose()
    {
        _store.Dispose();
        _spool.Dispose();
    }

    /// <summary>Copies of one file with new SOP Instance UIDs (dcmodify), so they form one series.</summary>
    private async Task<string[]> CopiesOfOneSeriesAsync(string source, int count)
    {
        var copies = new string[count];
        for (var i = 0; i < count; i++)
        {
            copies[i] = Path.Combine(_store.Path, $"copy{i}.dcm");
            File.Copy(source, copies[i]);
            // dcmodify updates the file meta's Media Storage SOP Instance UID to match.
            var uid = $"2.25.{new System.Numerics.BigInteger([.. Guid.NewGuid().ToByteArray(), 0])}";
            var (exit, output) = await DcmtkTool.RunAsync(TimeSpan.FromSeconds(30), "dcmodify", "-nb", "-m", $"SOPInstanceUID={uid}", copies[i]);
            Assert.True(exit == 0, output);
        }

        return copies;
    }

    private static string Uid(string path) => Part10Header.Read(path).SopInstanceUid;

    /// <summary>Cancels the operation on its first pending response.</summary>
    private sealed class CancelOnFirstReport(List<DicomRetrieveStatus> reports, CancellationTokenSource cancel) : IProgress<DicomRetrieveStatus>
    {
        public void Report(DicomRetrieveStatus value)
        {
            reports.Add(value);
            cancel.Cancel();
        }
    }

    private static async Task<DicomQuery> LocateAsync(DicomClient client, string sopInstanceUid)
    {
        var match = Assert.Single((await client.FindAsync(DicomQuery.FindInstance(DicomQueryRoot.Study, sopInstanceUid), TestContext.Current.CancellationToken)).Matches);
        return DicomQuery.RetrieveInstance(DicomQueryRoot.Study, null, match.GetString(DicomTags.StudyInstanceUID)!, match.GetString(DicomTags.SeriesInstanceUID)!, sopInstanceUid);
    }

    private Task<DicomClient> ConnectAsync(int port, IReadOnlyList<DicomPresentationProposal> proposals) => DicomClient.ConnectAsync(
        new DicomClientOptions { Host = "127.0.0.1", Port = port, CalledAeTitle = DcmqrscpPeer.AeTitle, CallingAeTitle = "UPLINK", TemporaryDirectory = _spool.Path },
        proposals,
        TestContext.Current.CancellationToken);
}
