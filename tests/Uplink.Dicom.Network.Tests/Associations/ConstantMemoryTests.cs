using Uplink.Dicom.Network.Tests.Support;

namespace Uplink.Dicom.Network.Tests.Associations;

/// <summary>Runs alone: the allocation counter is process-wide, so no other test may run beside it.</summary>
[CollectionDefinition(nameof(ConstantMemoryTests), DisableParallelization = true)]
[Collection(nameof(ConstantMemoryTests))]
public sealed class ConstantMemoryTests : IAsyncDisposable
{
    private readonly TemporaryFolder _store = new();
    private readonly TemporaryFolder _spool = new();
    private readonly TemporaryFolder _sources = new();

    [Fact]
    public async Task A_100_MB_data_set_crosses_with_memory_bounded_by_the_pdu_size()
    {
        var source = SyntheticPart10.Write(_sources.Path, "1.2.3.4.9", 100L << 20);
        var options = new DicomServerOptions { AeTitle = "UPLINK", AbstractSyntaxes = [SyntheticPart10.SopClass], TemporaryDirectory = _spool.Path };
        await using var server = DicomServer.Start(options, new FolderStoreHandler(_store.Path));
        var clientOptions = new DicomClientOptions { Host = "127.0.0.1", Port = server.Port, CalledAeTitle = "UPLINK" };
        await using var client = await DicomClient.ConnectAsync(clientOptions, DicomPresentationProposal.ForFiles([source]), TestContext.Current.CancellationToken);
        var before = GC.GetTotalAllocatedBytes(precise: true);

        Assert.Equal(DimseStatus.Success, await client.StoreAsync(source, TestContext.Current.CancellationToken));

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        Assert.True(allocated < 16L << 20, $"{allocated / 1024 / 1024} MB allocated to move 100 MB");
        var received = Assert.Single(_store.Files());
        Assert.Equal(new FileInfo(source).Length - Part10Header.Read(source).DatasetOffset, new FileInfo(received).Length - Part10Header.Read(received).DatasetOffset);
    }

    public ValueTask DisposeAsync()
    {
        _store.Dispose();
        _spool.Dispose();
        _sources.Dispose();
        return ValueTask.CompletedTask;
    }
}
