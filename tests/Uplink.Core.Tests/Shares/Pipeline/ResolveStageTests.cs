using Uplink.Core.Tests.Shares.Support;
using Uplink.Plugins.Abstractions.Inputs;

namespace Uplink.Core.Tests.Shares.Pipeline;

public sealed class ResolveStageTests
{
    private const string Secret = @"\\pacs-share\DOE^JANE\exam";

    [Fact]
    public async Task An_image_store_that_is_briefly_unreachable_is_retried_past_the_attempt_limit_and_the_image_is_sent()
    {
        using var harness = new PipelineHarness();
        for (var i = 0; i < 5; i++)
        {
            harness.Source.Script.Enqueue(new IOException($"The network path {Secret} was not found."));
        }

        var receipt = await harness.SubmitAsync("req-1", harness.AddImage("a"));
        var waiting = await RunAsync(harness, receipt.ShareId, rounds: 5);

        Assert.Equal(ImageState.Queued, waiting.State);
        Assert.Equal("the image store is not reachable now: the image source of plugin Test.Input threw IOException", waiting.Reason);

        await RunAsync(harness, receipt.ShareId, rounds: 1);
        var status = await harness.StatusAsync(receipt.ShareId);
        Assert.Equal(ImageState.Sent, status.Images[0].State);
        Assert.Equal(6, harness.Source.Calls);
        Assert.DoesNotContain(harness.Logs.Lines, l => l.Contains("DOE^JANE", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_timeout_in_the_image_source_is_retried_not_failed()
    {
        using var harness = new PipelineHarness();
        harness.Source.Script.Enqueue(new TimeoutException("no answer"));

        var receipt = await harness.SubmitAsync("req-1", harness.AddImage("a"));
        await RunAsync(harness, receipt.ShareId, rounds: 2);

        Assert.Equal(ImageState.Sent, (await harness.StatusAsync(receipt.ShareId)).Images[0].State);
    }

    [Fact]
    public async Task An_invalid_id_fails_the_image_at_once()
    {
        using var harness = new PipelineHarness();
        harness.Source.Script.Enqueue(ImageResolution.Invalid("the image id leads outside the image store"));

        var receipt = await harness.SubmitAsync("req-1", harness.AddImage("a"));
        await harness.RunAsync();

        var image = (await harness.StatusAsync(receipt.ShareId)).Images[0];
        Assert.Equal(ImageState.Failed, image.State);
        Assert.Equal("image id is invalid: the image id leads outside the image store", image.Reason);
        Assert.Equal(1, harness.Source.Calls);
    }

    [Fact]
    public async Task A_source_that_keeps_failing_with_a_bug_fails_the_image_after_the_attempt_limit_without_its_message()
    {
        using var harness = new PipelineHarness();
        for (var i = 0; i < 3; i++)
        {
            harness.Source.Script.Enqueue(new InvalidOperationException($"cannot map {Secret}"));
        }

        var receipt = await harness.SubmitAsync("req-1", harness.AddImage("a"));
        await RunAsync(harness, receipt.ShareId, rounds: 3);

        var image = (await harness.StatusAsync(receipt.ShareId)).Images[0];
        Assert.Equal(ImageState.Failed, image.State);
        Assert.Equal("the image source of plugin Test.Input threw InvalidOperationException (gave up after 3 attempts)", image.Reason);
        Assert.DoesNotContain(harness.Logs.Lines, l => l.Contains("DOE^JANE", StringComparison.Ordinal));
    }

    private static async Task<ImageStatusReport> RunAsync(PipelineHarness harness, string shareId, int rounds)
    {
        for (var i = 0; i < rounds; i++)
        {
            await harness.RunAsync();
            harness.Time.Advance(TimeSpan.FromMinutes(1));
        }

        return (await harness.StatusAsync(shareId)).Images[0];
    }
}
