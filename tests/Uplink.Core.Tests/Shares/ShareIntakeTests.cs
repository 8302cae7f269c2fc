using System.Text;
using System.Text.Json;
using Uplink.Core.Shares.Store;
using Uplink.Core.Tests.Shares.Support;
using Uplink.Plugins.Abstractions.Inputs;

namespace Uplink.Core.Tests.Shares;

public sealed class ShareIntakeTests
{
    [Fact]
    public async Task SubmitAsync_records_the_share_so_a_new_process_reading_the_same_folder_sees_it()
    {
        using var first = new PipelineHarness();
        var receipt = await first.SubmitAsync("req-1", "a", "b");
        first.Get<ShareDatabase>().Dispose();

        using var database = new ShareDatabase(Microsoft.Extensions.Options.Options.Create(new Core.Shares.PipelineOptions { DataDirectory = first.DataDirectory }));
        var reopened = new ShareRepository(database, TimeProvider.System);
        var status = reopened.GetStatus(receipt.ShareId);

        Assert.True(receipt.Created);
        Assert.Equal(ShareState.Queued, receipt.State);
        Assert.NotNull(status);
        Assert.Equal(["a", "b"], status.Images.Select(i => i.ImageId));
        Assert.All(status.Images, i => Assert.Equal(ImageState.Queued, i.State));
    }

    [Fact]
    public async Task SubmitAsync_with_a_repeated_request_id_returns_the_first_share_and_records_no_second()
    {
        using var harness = new PipelineHarness();
        var first = await harness.SubmitAsync("req-1", "a");
        var again = await harness.SubmitAsync("req-1", "a", "b");

        Assert.Equal(first.ShareId, again.ShareId);
        Assert.False(again.Created);
        Assert.Single((await harness.StatusAsync(first.ShareId)).Images);
        Assert.Equal(1, CountShares(harness));
    }

    [Fact]
    public async Task Concurrent_submits_of_one_request_id_make_exactly_one_share()
    {
        using var harness = new PipelineHarness();

        var receipts = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => harness.SubmitAsync("req-same", "a"))));

        Assert.Single(receipts.Select(r => r.ShareId).Distinct());
        Assert.Single(receipts, r => r.Created);
        Assert.Equal(1, CountShares(harness));
    }

    [Fact]
    public async Task GetStatusAsync_for_an_unknown_share_is_null()
    {
        using var harness = new PipelineHarness();

        Assert.Null(await harness.Intake.GetStatusAsync("no-such-share", CancellationToken.None));
    }

    [Fact]
    public async Task The_status_answer_carries_no_recipient_data()
    {
        using var harness = new PipelineHarness();
        var receipt = await harness.SubmitAsync("req-1", "a");

        var json = JsonSerializer.Serialize(await harness.StatusAsync(receipt.ShareId));

        Assert.DoesNotContain(PipelineHarness.Email, json, StringComparison.Ordinal);
        Assert.DoesNotContain(PipelineHarness.Phone, json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_recipient_is_encrypted_in_every_file_of_the_data_folder()
    {
        using var harness = new PipelineHarness();
        await harness.SubmitAsync("req-1", "a");

        // An open connection keeps the WAL and its index on disk while they are read.
        using var keepOpen = harness.Get<ShareDatabase>().Open();
        var files = Directory.GetFiles(harness.DataDirectory, "*", SearchOption.AllDirectories);
        Assert.Contains(files, f => f.EndsWith(ShareDatabase.FileName, StringComparison.Ordinal));
        foreach (var file in files)
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var text = Encoding.Latin1.GetString(copy.ToArray());
            Assert.DoesNotContain(PipelineHarness.Email, text, StringComparison.Ordinal);
            Assert.DoesNotContain("70 123 45 67", text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("", "a", "jane@example.org", "request id")]
    [InlineData("r", null, "jane@example.org", "no image ids")]
    [InlineData("r", "a", null, "no recipient")]
    public async Task SubmitAsync_refuses_an_incomplete_request_and_says_what_is_missing(string requestId, string? imageId, string? email, string expected)
    {
        using var harness = new PipelineHarness();
        var request = new ShareRequest(requestId, "exam", imageId is null ? [] : [imageId], email is null ? null! : new ShareRecipient(email, null), TestActivePlugins.InputId);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => harness.Intake.SubmitAsync(request, CancellationToken.None));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal(0, CountShares(harness));
    }

    private static long CountShares(PipelineHarness harness)
    {
        using var connection = harness.Get<ShareDatabase>().Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM shares";
        return (long)command.ExecuteScalar()!;
    }
}
