using Uplink.Dicom.Network.Tests.Support;

namespace Uplink.Dicom.Network.Tests.Associations;

/// <summary>The server's cap on concurrent associations: beyond it a transient rejection, and room again once one ends.</summary>
public sealed class AssociationCapTests : IAsyncDisposable
{
    private readonly TemporaryFolder _store = new();
    private readonly TemporaryFolder _spool = new();
    private readonly DicomServer _server;

    public AssociationCapTests() => _server = DicomServer.Start(
        new DicomServerOptions { AeTitle = "UPLINK", MaxAssociations = 2, TemporaryDirectory = _spool.Path },
        new FolderStoreHandler(_store.Path));

    [Fact]
    public async Task A_request_beyond_the_cap_is_rejected_as_transient_local_limit_exceeded()
    {
        await using var first = await ConnectAsync();
        await using var second = await ConnectAsync();

        var error = await Assert.ThrowsAsync<DicomNetworkException>(ConnectAsync);

        Assert.Contains("result 2, source 3, reason 2", error.Message, StringComparison.Ordinal);
        Assert.Equal(DimseStatus.Success, await first.EchoAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_released_association_makes_room_for_the_next()
    {
        await using var first = await ConnectAsync();
        var second = await ConnectAsync();
        await second.ReleaseAsync(TestContext.Current.CancellationToken);
        await second.DisposeAsync();

        DicomClient? third = null;
        for (var i = 0; i < 100 && third is null; i++)
        {
            try
            {
                third = await ConnectAsync();
            }
            catch (DicomNetworkException)
            {
                // The server counts the released association until its task has ended.
                await Task.Delay(20, TestContext.Current.CancellationToken);
            }
        }

        Assert.NotNull(third);
        await using (third)
        {
            Assert.Equal(DimseStatus.Success, await third.EchoAsync(TestContext.Current.CancellationToken));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _store.Dispose();
        _spool.Dispose();
    }

    private Task<DicomClient> ConnectAsync() => DicomClient.ConnectAsync(
        new DicomClientOptions { Host = "127.0.0.1", Port = _server.Port, CalledAeTitle = "UPLINK" },
        [DicomPresentationProposal.Verification],
        TestContext.Current.CancellationToken);
}
