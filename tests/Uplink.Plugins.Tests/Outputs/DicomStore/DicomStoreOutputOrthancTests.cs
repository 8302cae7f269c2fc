using Uplink.Plugins.Abstractions.Outputs;
using Uplink.Plugins.Tests.Support;

namespace Uplink.Plugins.Tests.Outputs.DicomStore;

/// <summary>C-STORE into a real Orthanc: it parses what Uplink sent.</summary>
public sealed class DicomStoreOutputOrthancTests(OrthancFixture orthanc) : IClassFixture<OrthancFixture>, IAsyncLifetime
{
    public async ValueTask InitializeAsync()
    {
        if (orthanc.SkipReason is { } reason)
        {
            Assert.Skip(reason);
        }

        await orthanc.ResetAsync();
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Orthanc_receives_and_parses_every_instance_of_a_share()
    {
        var batch = new[] { "us/atl_ybr_full_exvrle.dcm", "us/acuson_ybr_full_rle.dcm", "us/atl_jpeg_baseline.dcm" }
            .Select(f => Corpus.Instance(Corpus.File(f))).ToArray();

        var results = await DicomStoreOutputTests.Output("ORTHANC", orthanc.DicomPort).DeliverAsync(batch, TestContext.Current.CancellationToken);

        Assert.All(results, r => Assert.Equal(DeliveryStatus.Delivered, r.Status));
        Assert.Equal(batch.Select(b => b.SopInstanceUid).Order(), (await orthanc.ParsedPatientsAsync()).Keys.Order());
    }
}
