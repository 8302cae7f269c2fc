using Uplink.Core.Anonymization;
using Uplink.Core.Shares.Store;
using Uplink.Core.Tests.Shares.Support;
using Uplink.Plugins.Abstractions.Inputs;

namespace Uplink.Core.Tests.Shares.Store;

public sealed class ImageQueueTests
{
    [Fact]
    public async Task A_transition_returns_the_image_as_the_store_now_has_it()
    {
        using var harness = new PipelineHarness();
        await harness.SubmitAsync("req-1", harness.AddImage("a"));
        var queue = harness.Get<ImageQueue>();
        var claimed = queue.Claim(TimeSpan.FromMinutes(1))!;

        var fetched = queue.MarkFetched(claimed, "/spool/a.dcm", 12);

        Assert.NotNull(fetched);
        Assert.Equal(ImageState.Fetched, fetched.State);
        Assert.Equal("/spool/a.dcm", fetched.SourcePath);
        Assert.Equal(claimed.LeaseToken, fetched.LeaseToken);
        Assert.Equal(claimed.SourcePluginId, fetched.SourcePluginId);
    }

    [Fact]
    public async Task A_kept_document_comes_back_from_the_store_as_a_document_with_no_uids()
    {
        var stored = await StoredAsync(AnonymizedInstanceInfo.Document("/spool/a.pdf", 12, "ab", "application/pdf"));

        Assert.True(stored.IsDocument);
        Assert.Equal("application/pdf", stored.NonDicomMediaType);
        Assert.All([stored.SopClassUid, stored.SopInstanceUid, stored.StudyInstanceUid, stored.SeriesInstanceUid, stored.TransferSyntaxUid], Assert.Null);
    }

    [Fact]
    public async Task An_anonymized_instance_comes_back_from_the_store_with_its_uids()
    {
        var instance = AnonymizedInstanceInfo.Instance("/spool/a.dcm", 12, "ab", "1.2.840.10008.5.1.4.1.1.6.1", "2.25.3", "2.25.1", "2.25.2", "1.2.840.10008.1.2.1");

        var stored = await StoredAsync(instance);

        Assert.False(stored.IsDocument);
        Assert.Equal(instance, stored);
    }

    [Fact]
    public async Task A_move_the_state_table_does_not_allow_is_refused_by_the_store()
    {
        using var harness = new PipelineHarness();
        var receipt = await harness.SubmitAsync("req-1", harness.AddImage("a"));
        var queue = harness.Get<ImageQueue>();
        var claimed = queue.Claim(TimeSpan.FromMinutes(1))!;

        Assert.Null(queue.MarkAnonymized(claimed, AnonymizedInstanceInfo.Instance("/x", 1, "00", "c", "s", "st", "se", "t"), null));
        Assert.False(queue.Finish(claimed, ImageState.Sent, null));

        Assert.Equal(ImageState.Queued, (await harness.StatusAsync(receipt.ShareId)).Images[0].State);
    }

    [Fact]
    public void Only_the_states_the_table_names_lead_to_a_state()
    {
        Assert.Empty(StateTable.ImagesLeadingTo(ImageState.Queued));
        Assert.Equal([ImageState.Queued], StateTable.ImagesLeadingTo(ImageState.Fetched));
        Assert.Equal([ImageState.Anonymized], StateTable.ImagesLeadingTo(ImageState.Sent));
        Assert.Equal([ImageState.Queued, ImageState.Fetched, ImageState.Anonymized], StateTable.ImagesLeadingTo(ImageState.Failed));
    }

    // Claims, fetches and records the one image of a new share as anonymized; returns what the store read back.
    private static async Task<AnonymizedInstanceInfo> StoredAsync(AnonymizedInstanceInfo info)
    {
        using var harness = new PipelineHarness();
        await harness.SubmitAsync("req-1", harness.AddImage("a"));
        var queue = harness.Get<ImageQueue>();
        var fetched = queue.MarkFetched(queue.Claim(TimeSpan.FromMinutes(1))!, info.Path, info.Length)!;
        return queue.MarkAnonymized(fetched, info, null)!.Anonymized!;
    }
}
