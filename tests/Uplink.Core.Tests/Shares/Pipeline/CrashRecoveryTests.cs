using Uplink.Core.Shares.Store;
using Uplink.Core.Tests.Shares.Support;
using Uplink.Plugins.Abstractions.Inputs;

namespace Uplink.Core.Tests.Shares.Pipeline;

/// <summary>A worker that dies holding a lease (the process was killed) must not lose or duplicate work.</summary>
public sealed class CrashRecoveryTests
{
    [Fact]
    public async Task An_image_leased_by_a_dead_worker_is_taken_up_again_once_the_lease_expires()
    {
        using var harness = new PipelineHarness(configure: o => o.LeaseDuration = TimeSpan.FromMinutes(1));
        var receipt = await harness.SubmitAsync("req-1", harness.AddImage("a"));
        Assert.NotNull(harness.Get<ImageQueue>().Claim(TimeSpan.FromMinutes(1)));

        Assert.Equal(0, await harness.RunAsync());
        harness.Time.Advance(TimeSpan.FromMinutes(1.5));
        await harness.RunAsync();

        Assert.Equal(ShareState.Completed, (await harness.StatusAsync(receipt.ShareId)).State);
        Assert.Single(harness.Outputs[0].Delivered);
    }

    [Fact]
    public async Task Releasing_all_leases_at_start_takes_up_a_killed_process_work_at_once()
    {
        using var harness = new PipelineHarness();
        var receipt = await harness.SubmitAsync("req-1", harness.AddImage("a"));
        Assert.NotNull(harness.Get<ImageQueue>().Claim(TimeSpan.FromHours(1)));

        harness.Get<ShareQueue>().ReleaseAllLeases();
        await harness.RunAsync();

        Assert.Equal(ShareState.Completed, (await harness.StatusAsync(receipt.ShareId)).State);
    }

    [Fact]
    public async Task A_crash_after_delivery_but_before_it_was_recorded_as_sent_does_not_deliver_again()
    {
        using var harness = new PipelineHarness();
        var receipt = await harness.SubmitAsync("req-1", harness.AddImage("a"));
        var queue = harness.Get<ImageQueue>();
        var claimed = queue.Claim(TimeSpan.FromMinutes(1))!;
        var fetched = await harness.Get<Core.Shares.Pipeline.ResolveStage>().RunAsync(claimed, CancellationToken.None);
        var anonymized = harness.Get<Core.Shares.Pipeline.AnonymizeStage>().Run(fetched!, CancellationToken.None);
        await harness.Outputs[0].DeliverAsync([new(receipt.ShareId, "k", anonymized!.Anonymized!.Path, 1, "c", "s", "st", "se", "t")], CancellationToken.None);
        queue.RecordDelivery(anonymized, harness.Outputs[0].Id, "k");

        harness.Get<ShareQueue>().ReleaseAllLeases();
        await harness.RunAsync();

        Assert.Single(harness.Outputs[0].Delivered);
        Assert.Equal(ShareState.Completed, (await harness.StatusAsync(receipt.ShareId)).State);
    }

    [Fact]
    public async Task A_worker_whose_lease_was_taken_over_changes_nothing()
    {
        using var harness = new PipelineHarness(configure: o => o.LeaseDuration = TimeSpan.FromMinutes(1));
        var receipt = await harness.SubmitAsync("req-1", harness.AddImage("a"));
        var queue = harness.Get<ImageQueue>();
        var stale = queue.Claim(TimeSpan.FromMinutes(1))!;
        harness.Time.Advance(TimeSpan.FromMinutes(2));
        var fresh = queue.Claim(TimeSpan.FromMinutes(1))!;

        Assert.False(queue.Finish(stale, ImageState.Failed, "stale"));
        Assert.NotNull(queue.MarkFetched(fresh, "/x", 1));
        Assert.Equal(ImageState.Fetched, (await harness.StatusAsync(receipt.ShareId)).Images[0].State);
    }

    [Fact]
    public async Task Anonymizing_again_after_a_crash_gives_the_same_idempotency_key()
    {
        using var harness = new PipelineHarness();
        var receipt = await harness.SubmitAsync("req-1", harness.AddImage("a"));
        var queue = harness.Get<ImageQueue>();
        var fetched = await harness.Get<Core.Shares.Pipeline.ResolveStage>().RunAsync(queue.Claim(TimeSpan.FromMinutes(1))!, CancellationToken.None);
        var firstTry = harness.Processor.Process(fetched!.SourcePath!, Path.Combine(harness.Root, "lost.dcm"), harness.Get<Core.Plugins.IActivePlugins>().Profile.Instance, CancellationToken.None);

        harness.Get<ShareQueue>().ReleaseAllLeases();
        await harness.RunAsync();

        var delivered = Assert.Single(harness.Outputs[0].Delivered);
        Assert.Equal($"{receipt.ShareId}:{firstTry.Output!.SopInstanceUid}", delivered.Instance.IdempotencyKey);
    }
}
