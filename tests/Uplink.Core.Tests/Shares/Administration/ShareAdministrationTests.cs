using Uplink.Core.Secrets;
using Uplink.Core.Shares.Administration;
using Uplink.Core.Shares.Store;
using Uplink.Core.Tests.Shares.Support;
using Uplink.Plugins.Abstractions.Inputs;

namespace Uplink.Core.Tests.Shares.Administration;

public sealed class ShareAdministrationTests : IDisposable
{
    private const string Actor = "cli:tester";
    private readonly PipelineHarness _harness = new();

    public ShareAdministrationTests() => SiteSecrets.EnsureCreated(_harness.DataDirectory);

    private ShareAdministration Admin => _harness.Get<ShareAdministration>();

    [Fact]
    public async Task A_failed_image_retried_after_its_cause_is_fixed_is_sent_and_its_share_completed_again()
    {
        var receipt = await _harness.SubmitAsync("req-1", _harness.AddImage("a"), _harness.AddImage("b", "throw"));
        await FailAsync();
        Assert.Equal(ShareState.Completed, (await _harness.StatusAsync(receipt.ShareId)).State);
        _harness.AddImage("b");

        var result = Admin.RetryImage(receipt.ShareId, 1, Actor);

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(1, result.ImagesChanged);
        var reopened = Admin.ShowShare(receipt.ShareId)!;
        Assert.Equal("queued", reopened.Share.State);
        Assert.Null(reopened.Share.CompletedAt);
        Assert.Equal(("queued", 0, (string?)null), (reopened.Images[1].State, reopened.Images[1].Attempts, reopened.Images[1].Reason));
        await _harness.RunAsync();
        var status = await _harness.StatusAsync(receipt.ShareId);
        Assert.Equal(ShareState.Completed, status.State);
        Assert.Equal([ImageState.Sent, ImageState.Sent], status.Images.Select(i => i.State));
        Assert.Equal(2, _harness.Outputs[0].Delivered.Count);
        Assert.Single(_harness.Outputs[0].Completions);
    }

    [Fact]
    public async Task A_share_whose_every_image_failed_is_handed_off_with_its_recipient_after_a_share_retry()
    {
        var receipt = await _harness.SubmitAsync("req-1", _harness.AddImage("a", "throw"), _harness.AddImage("b", "set-aside"));
        await FailAsync();
        Assert.Equal(ShareState.Failed, (await _harness.StatusAsync(receipt.ShareId)).State);
        _harness.AddImage("a");
        _harness.AddImage("b");

        var result = Admin.RetryShare(receipt.ShareId, Actor);

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(2, result.ImagesChanged);
        await _harness.RunAsync();
        var status = await _harness.StatusAsync(receipt.ShareId);
        Assert.Equal(ShareState.Completed, status.State);
        var completion = Assert.Single(_harness.Outputs[0].Completions);
        Assert.Equal(new ShareRecipient(PipelineHarness.Email, PipelineHarness.Phone), completion.Recipient);
        Assert.Equal(2, completion.DeliveredCount);
    }

    [Fact]
    public async Task A_reopened_share_whose_recipient_was_erased_fails_with_why_instead_of_handing_off_nobody()
    {
        var receipt = await _harness.SubmitAsync("req-1", _harness.AddImage("a", "throw"));
        await FailAsync();
        Execute($"UPDATE shares SET recipient = NULL WHERE share_id = '{receipt.ShareId}'");
        _harness.AddImage("a");

        Assert.True(Admin.RetryImage(receipt.ShareId, 0, Actor).Succeeded);
        await _harness.RunAsync();

        var status = await _harness.StatusAsync(receipt.ShareId);
        Assert.Equal(ShareState.Failed, status.State);
        Assert.Equal(ImageState.Sent, status.Images[0].State);
        Assert.Contains("recipient was erased when the share first ended, so Test.Output0 cannot be handed it", status.Reason, StringComparison.Ordinal);
        Assert.Empty(_harness.Outputs[0].Completions);
    }

    [Fact]
    public async Task A_set_aside_image_is_discarded_for_good_with_its_spooled_files()
    {
        var receipt = await _harness.SubmitAsync("req-1", _harness.AddImage("a"), _harness.AddImage("b", "set-aside"));
        await _harness.RunAsync();
        var spooled = Path.Combine(_harness.DataDirectory, "spool", receipt.ShareId, "1.dcm");
        Directory.CreateDirectory(Path.GetDirectoryName(spooled)!);
        File.WriteAllText(spooled, "left over");

        var result = Admin.DiscardImage(receipt.ShareId, 1, Actor);

        Assert.True(result.Succeeded, result.Message);
        var image = Admin.ShowShare(receipt.ShareId)!.Images[1];
        Assert.Equal("discarded", image.State);
        Assert.Equal("discarded by an administrator; it had been set aside: verifier found PatientName", image.Reason);
        Assert.False(File.Exists(spooled));
        Assert.False(Admin.RetryImage(receipt.ShareId, 1, Actor).Succeeded);
    }

    [Fact]
    public async Task Actions_on_an_unknown_share_or_position_or_an_image_in_another_state_are_refused_and_change_nothing()
    {
        var receipt = await _harness.SubmitAsync("req-1", _harness.AddImage("a"), _harness.AddImage("b", "throw"));
        await FailAsync();
        var before = Admin.ShowShare(receipt.ShareId)!;

        var unknown = Admin.RetryShare("0123456789abcdef0123456789abcdef", Actor);
        var position = Admin.RetryImage(receipt.ShareId, 7, Actor);
        var sent = Admin.RetryImage(receipt.ShareId, 0, Actor);
        var failed = Admin.DiscardImage(receipt.ShareId, 1, Actor);

        Assert.Equal("there is no share 0123456789abcdef0123456789abcdef", unknown.Message);
        Assert.Equal($"share {receipt.ShareId} has no image at position 7 (its 2 image(s) are at positions 0 to 1)", position.Message);
        Assert.Equal($"image 0 of share {receipt.ShareId} is sent; only failed or set-aside images can be retried", sent.Message);
        Assert.Equal($"image 1 of share {receipt.ShareId} is failed; only set-aside images can be discarded", failed.Message);
        Assert.All([unknown, position, sent, failed], r => Assert.False(r.Succeeded));
        Assert.Equivalent(before, Admin.ShowShare(receipt.ShareId));
        Assert.Equal(0, await _harness.RunAsync());
    }

    [Fact]
    public async Task A_share_with_nothing_failed_or_set_aside_refuses_a_share_retry()
    {
        var receipt = await _harness.SubmitAsync("req-1", _harness.AddImage("a"));
        await _harness.RunAsync();

        var result = Admin.RetryShare(receipt.ShareId, Actor);

        Assert.False(result.Succeeded);
        Assert.Equal($"share {receipt.ShareId} has no failed or set-aside image to retry", result.Message);
        Assert.Equal("completed", Admin.ShowShare(receipt.ShareId)!.Share.State);
    }

    [Fact]
    public async Task Every_action_done_or_refused_is_in_the_audit_log_with_who_when_and_what()
    {
        var receipt = await _harness.SubmitAsync("req-1", _harness.AddImage("a"), _harness.AddImage("b", "throw"));
        await FailAsync();
        var at = _harness.Time.GetUtcNow();

        Admin.RetryImage(receipt.ShareId, 0, "admin page");
        Admin.RetryImage(receipt.ShareId, 1, Actor);
        Admin.RetryShare("Jane Doe", Actor);

        var audit = Admin.ReadAudit(10);
        Assert.Equal(3, audit.Count);
        Assert.Equal(("cli:tester", "retry-share", (string?)null, (int?)null, "refused"), (audit[0].Actor, audit[0].Action, audit[0].ShareId, audit[0].Position, audit[0].Outcome));
        Assert.Equal("there is no share with the id given (not a share id)", audit[0].Detail);
        Assert.Equal(("cli:tester", "retry-image", receipt.ShareId, (int?)1, "done"), (audit[1].Actor, audit[1].Action, audit[1].ShareId, audit[1].Position, audit[1].Outcome));
        Assert.Equal(("admin page", "retry-image", receipt.ShareId, (int?)0, "refused"), (audit[2].Actor, audit[2].Action, audit[2].ShareId, audit[2].Position, audit[2].Outcome));
        Assert.All(audit, e => Assert.Equal(at, e.At));
        Assert.Single(Admin.ReadAudit(1));
    }

    [Fact]
    public async Task Shares_are_listed_newest_first_with_counts_by_state_and_the_exam_id_hashed()
    {
        var first = await _harness.SubmitAsync("req-1", _harness.AddImage("a"), _harness.AddImage("b", "set-aside"));
        _harness.Time.Advance(TimeSpan.FromSeconds(1));
        var second = await _harness.SubmitAsync("req-2", _harness.AddImage("c"));
        await _harness.RunAsync();

        var shares = Admin.ListShares(10);

        Assert.Equal([second.ShareId, first.ShareId], shares.Select(s => s.ShareId));
        Assert.Equal(new Dictionary<string, int> { ["sent"] = 1, ["set-aside"] = 1 }, shares[1].ImagesByState);
        Assert.Equal((2, "completed"), (shares[1].ImageCount, shares[1].State));
        Assert.Equal(StatusHashes.ExamId(SiteSecrets.Load(_harness.DataDirectory).UidKey, "exam-1"), shares[0].ExamIdHash);
        Assert.Equal(shares[0].ExamIdHash, shares[1].ExamIdHash);
        Assert.Equal([second.ShareId], Admin.ListShares(1).Select(s => s.ShareId));
        Assert.Null(Admin.ShowShare("0123456789abcdef0123456789abcdef"));
    }

    [Fact]
    public async Task Show_gives_each_image_its_deliveries_and_its_last_error()
    {
        var receipt = await _harness.SubmitAsync("req-1", _harness.AddImage("a"), _harness.AddImage("b", "throw"));
        await FailAsync();

        var detail = Admin.ShowShare(receipt.ShareId)!;

        var delivery = Assert.Single(detail.Images[0].Deliveries);
        Assert.Equal("Test.Output0", delivery.OutputId);
        Assert.Null(detail.Images[0].LastError);
        Assert.Equal("failed", detail.Images[1].State);
        Assert.Equal(("anonymize", "failed"), (detail.Images[1].LastError!.Stage, detail.Images[1].LastError!.Outcome));
        Assert.Equal(["Test.Output0"], detail.HandedOffTo);
    }

    [Fact]
    public async Task No_result_or_audit_entry_holds_the_recipient_the_exam_id_or_an_image_id()
    {
        const string Exam = "EXAM-PLANTED-4711";
        const string ImageId = "IMG-PLANTED-0815";
        _harness.AddImage(ImageId, "throw");
        var receipt = await _harness.Intake.SubmitAsync(
            new ShareRequest("req-1", Exam, [ImageId], new ShareRecipient(PipelineHarness.Email, PipelineHarness.Phone), TestActivePlugins.InputId),
            TestContext.Current.CancellationToken);
        await FailAsync();

        object[] results =
        [
            Admin.ListShares(10), Admin.ShowShare(receipt.ShareId)!, Admin.RetryImage(receipt.ShareId, 0, Actor),
            Admin.DiscardImage(receipt.ShareId, 0, Actor), Admin.RetryShare(receipt.ShareId, Actor), Admin.ReadAudit(10),
        ];

        var json = System.Text.Json.JsonSerializer.Serialize(results);
        Assert.Contains(receipt.ShareId, json, StringComparison.Ordinal);
        foreach (var planted in new[] { PipelineHarness.Email, PipelineHarness.Phone, Exam, ImageId, "PATIENT" })
        {
            Assert.DoesNotContain(planted, json, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void A_store_made_before_the_audit_log_gets_it_on_open()
    {
        using (var connection = _harness.Get<ShareDatabase>().Open())
        {
            ShareDatabase.Execute(connection, "DROP TABLE admin_audit");
        }

        using var older = new ShareDatabase(Microsoft.Extensions.Options.Options.Create(new Core.Shares.PipelineOptions { DataDirectory = _harness.DataDirectory }));
        var admin = new ShareAdministration(older, _harness.Get<Core.Shares.Pipeline.ShareSpool>(), new(_harness.Time), _harness.Time, Microsoft.Extensions.Options.Options.Create(new Core.Shares.PipelineOptions { DataDirectory = _harness.DataDirectory }));

        admin.RetryShare("0123456789abcdef0123456789abcdef", Actor);

        Assert.Equal("refused", Assert.Single(admin.ReadAudit(5)).Outcome);
    }

    public void Dispose() => _harness.Dispose();

    // Runs the pipeline past the harness's three processing attempts, so a "throw" image fails for good.
    private async Task FailAsync()
    {
        for (var i = 0; i < 3; i++)
        {
            await _harness.RunAsync();
            _harness.Time.Advance(TimeSpan.FromMinutes(1));
        }
    }

    private void Execute(string sql)
    {
        using var connection = _harness.Get<ShareDatabase>().Open();
        ShareDatabase.Execute(connection, sql);
    }
}
