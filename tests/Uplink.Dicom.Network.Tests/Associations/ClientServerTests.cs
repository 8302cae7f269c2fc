using Uplink.Dicom.Network.Tests.Support;

namespace Uplink.Dicom.Network.Tests.Associations;

/// <summary>Uplink's SCU against Uplink's SCP: fragmentation, statuses, constant memory.</summary>
public sealed class ClientServerTests : IAsyncDisposable
{
    private readonly TemporaryFolder _store = new();
    private readonly TemporaryFolder _spool = new();
    private readonly TemporaryFolder _sources = new();
    private readonly FolderStoreHandler _handler;
    private DicomServer? _server;

    public ClientServerTests() => _handler = new FolderStoreHandler(_store.Path);

    [Theory]
    [InlineData(4096u, 4096u)]
    [InlineData(16384u, 0u)]
    [InlineData(0u, 16384u)]
    public async Task A_data_set_larger_than_many_pdus_arrives_byte_identical_whatever_the_maximum_lengths(uint serverMax, uint clientMax)
    {
        var source = SyntheticPart10.Write(_sources.Path, "1.2.3.4.5", 300_001);
        await using var client = await ConnectAsync(serverMax, clientMax, [source]);

        Assert.Equal(DimseStatus.Success, await client.StoreAsync(source, TestContext.Current.CancellationToken));
        Assert.Equal(DimseStatus.Success, await client.EchoAsync(TestContext.Current.CancellationToken));
        await client.ReleaseAsync(TestContext.Current.CancellationToken);

        Assert.Equal(Corpus.DatasetBytes(source), Corpus.DatasetBytes(Assert.Single(_store.Files())));
    }

    [Fact]
    public async Task A_handler_that_throws_makes_the_server_answer_out_of_resources_and_keep_the_association()
    {
        var source = SyntheticPart10.Write(_sources.Path, "1.2.3.4.6", 1000);
        await using var client = await ConnectAsync(16384, 16384, [source]);
        Directory.Delete(_store.Path);

        Assert.Equal(DimseStatus.OutOfResources, await client.StoreAsync(source, TestContext.Current.CancellationToken));
        Assert.Equal(DimseStatus.Success, await client.EchoAsync(TestContext.Current.CancellationToken));
        await client.ReleaseAsync(TestContext.Current.CancellationToken);
        Assert.Empty(Directory.GetFiles(_spool.Path));
    }

    [Fact]
    public async Task A_spool_that_cannot_be_written_answers_out_of_resources_and_keeps_the_association()
    {
        var source = SyntheticPart10.Write(_sources.Path, "1.2.3.4.10", 200_000);
        await using var client = await ConnectAsync(4096, 16384, [source]);
        Directory.Delete(_spool.Path);

        Assert.Equal(DimseStatus.OutOfResources, await client.StoreAsync(source, TestContext.Current.CancellationToken));
        Assert.Equal(DimseStatus.Success, await client.EchoAsync(TestContext.Current.CancellationToken));
        Assert.Empty(_handler.Received);
        Assert.Empty(_store.Files());
    }

    [Fact]
    public async Task The_handlers_status_is_the_response_status()
    {
        var source = SyntheticPart10.Write(_sources.Path, "1.2.3.4.7", 10);
        await using var client = await ConnectAsync(16384, 16384, [source]);
        _handler.ForcedStatus = 0xB000;

        Assert.Equal((ushort)0xB000, await client.StoreAsync(source, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_file_whose_SOP_class_was_not_accepted_fails_before_anything_is_sent()
    {
        var source = SyntheticPart10.Write(_sources.Path, "1.2.3.4.8", 10);
        await using var client = await ConnectAsync(16384, 16384, [], [DicomPresentationProposal.Verification]);

        var error = await Assert.ThrowsAsync<DicomNetworkException>(() => client.StoreAsync(source, TestContext.Current.CancellationToken));

        Assert.Contains(SyntheticPart10.SopClass, error.Message, StringComparison.Ordinal);
        Assert.Equal(DimseStatus.Success, await client.EchoAsync(TestContext.Current.CancellationToken));
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        _store.Dispose();
        _spool.Dispose();
        _sources.Dispose();
    }

    private async Task<DicomClient> ConnectAsync(uint serverMax, uint clientMax, string[] files, IReadOnlyList<DicomPresentationProposal>? proposals = null)
    {
        _server = DicomServer.Start(
            new DicomServerOptions
            {
                AeTitle = "UPLINK",
                AbstractSyntaxes = [SyntheticPart10.SopClass],
                MaxPduLength = serverMax,
                TemporaryDirectory = _spool.Path,
            },
            _handler);
        var options = new DicomClientOptions { Host = "127.0.0.1", Port = _server.Port, CalledAeTitle = "UPLINK", MaxPduLength = clientMax };
        return await DicomClient.ConnectAsync(options, proposals ?? DicomPresentationProposal.ForFiles(files), TestContext.Current.CancellationToken);
    }
}
