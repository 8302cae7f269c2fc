using Uplink.Core.Shares.Store;
using Uplink.Core.Tests.Shares.Support;
using Uplink.Plugins.Abstractions.Inputs;
using Uplink.Plugins.Abstractions.Outputs;

namespace Uplink.Core.Tests.Shares.Pipeline;

public sealed class PipelineRunnerTests
{
    [Fact]
    public async Task A_share_is_fetched_anonymized_sent_and_handed_off_with_its_recipient()
    {
        using var harness = new PipelineHarness();
        var receipt = await harness.SubmitAsync("req-1", harness.AddImage("a"), harness.AddImage("b"));

        await harness.RunAsync();

        var status = await harness.StatusAsync(receipt.ShareId);
        Assert.Equal(ShareState.Completed, status.State);
        Assert.All(status.Images, i => Assert.Equal(ImageState.Sent, i.State));
        var output = harness.Outputs[0];
        Assert.Equal(2, output.Delivered.Count);
        Assert.All(output.Delivered, d => Assert.Equal($"{receipt.ShareId}:{d.Instance.SopInstanceUid}", d.Instance.IdempotencyKey));
        var completion = Assert.Single(output.Completions);
        Assert.Equal(new ShareRecipient(PipelineHarness.Email, PipelineHarness.Phone), completion.Recipient);
        Assert.Equal(2, completion.DeliveredCount);
        Assert.Equal(["2.25.1"], completion.StudyInstanceUids);
    }

    [Fact]
    public async Task A_share_without_recipient_is_delivered_and_completes_without_any_output_share_call()
    {
        using var harness = new PipelineHarness(outputs: 2);
        var receipt = await harness.Intake.SubmitAsync(
            new ShareRequest("route-1", "study-1", [harness.AddImage("a"), harness.AddImage("b")], ShareRecipient.None, TestActivePlugins.InputId),
            CancellationToken.None);

        await harness.RunAsync();

        var status = await harness.StatusAsync(receipt.ShareId);
        Assert.Equal(ShareState.Completed, status.State);
        Assert.All(status.Images, i => Assert.Equal(ImageState.Sent, i.State));
        Assert.All(harness.Outputs, o => Assert.Equal(2, o.Delivered.Count));
        Assert.All(harness.Outputs, o => Assert.Empty(o.Completions));
    }

    [Fact]
    public async Task A_completed_share_erases_its_recipient_and_spool_but_keeps_the_audit()
    {
        using var harness = new PipelineHarness();
        var receipt = await harness.SubmitAsync("req-1", harness.AddImage("a"));

        await harness.RunAsync();

        using var connection = harness.Get<ShareDatabase>().Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT s.recipient IS NULL, i.audit_json FROM shares s JOIN images i USING (share_id) WHERE share_id = @id";
        command.Parameters.AddWithValue("@id", receipt.ShareId);
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.True(reader.GetBoolean(0));
        Assert.Contains("(0010,0010)", reader.GetString(1), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(harness.DataDirectory, "spool", receipt.ShareId)));
    }

    [Fact]
    public async Task A_failing_output_is_retried_with_back_off_and_the_share_says_why_it_waits()
    {
        using var harness = new PipelineHarness();
        var output = harness.Outputs[0];
        output.DeliveryScript.Enqueue(DeliveryStatus.Retry);
        output.DeliveryScript.Enqueue(DeliveryStatus.Delivered);
        var receipt = await harness.SubmitAsync("req-1", harness.AddImage("a"));

        await harness.RunAsync();
        var waiting = await harness.StatusAsync(receipt.ShareId);
        Assert.Equal(ShareState.Waiting, waiting.State);
        Assert.Contains("Test.Output0 is failing", waiting.Reason, StringComparison.Ordinal);
        Assert.Equal(ImageState.Anonymized, waiting.Images[0].State);

        harness.Time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.Equal(0, await harness.RunAsync());

        harness.Time.Advance(TimeSpan.FromSeconds(1.1));
        await harness.RunAsync();
        var second = await harness.StatusAsync(receipt.ShareId);
        Assert.Contains("threw IOException", second.Reason, StringComparison.Ordinal);

        harness.Time.Advance(TimeSpan.FromSeconds(4.1));
        await harness.RunAsync();
        var done = await harness.StatusAsync(receipt.ShareId);
        Assert.Equal(ShareState.Completed, done.State);
        Assert.Null(done.Reason);
        Assert.Single(output.Delivered);
    }

    [Fact]
    public async Task Rejected_credentials_keep_the_image_waiting_instead_of_dropping_it()
    {
        using var harness = new PipelineHarness();
        harness.Outputs[0].DeliveryScript.Enqueue(DeliveryStatus.CredentialsRejected);
        var receipt = await harness.SubmitAsync("req-1", harness.AddImage("a"));

        await harness.RunAsync();

        var status = await harness.StatusAsync(receipt.ShareId);
        Assert.Equal(ShareState.Waiting, status.State);
        Assert.Contains("rejected its credentials", status.Reason, StringComparison.Ordinal);
        harness.Time.Advance(TimeSpan.FromSeconds(3));
        await harness.RunAsync();
        Assert.Equal(ShareState.Completed, (await harness.StatusAsync(receipt.ShareId)).State);
    }

    [Fact]
    public async Task Images_the_profile_sets_aside_or_discards_are_never_sent_and_say_why()
    {
        using var harness = new PipelineHarness();
        var receipt = await harness.SubmitAsync("req-1", harness.AddImage("a"), harness.AddImage("b", "set-aside"), harness.AddImage("c", "discard"));

        await harness.RunAsync();

        var status = await harness.StatusAsync(receipt.ShareId);
        Assert.Equal(ShareState.Completed, status.State);
        Assert.Equal([ImageState.Sent, ImageState.SetAside, ImageState.Discarded], status.Images.Select(i => i.State));
        Assert.Equal("verifier found PatientName", status.Images[1].Reason);
        Assert.Equal("not DICOM", status.Images[2].Reason);
        var delivered = Assert.Single(harness.Outputs[0].Delivered);
        Assert.EndsWith(" a", System.Text.Encoding.UTF8.GetString(delivered.Bytes), StringComparison.Ordinal);
        Assert.Equal(1, Assert.Single(harness.Outputs[0].Completions).DeliveredCount);
    }

    [Fact]
    public async Task Kept_non_dicom_content_goes_only_to_outputs_that_password_protect_it()
    {
        using var harness = new PipelineHarness(outputs: 2, firstOutputTakesDocuments: true);
        var receipt = await harness.SubmitAsync("req-1", harness.AddImage("a"), harness.AddImage("report", "document", "%PDF-1.4 the report"));

        await harness.RunAsync();

        var status = await harness.StatusAsync(receipt.ShareId);
        Assert.Equal(ShareState.Completed, status.State);
        Assert.Equal([ImageState.Sent, ImageState.Sent], status.Images.Select(i => i.State));
        var documents = ((RecordingDocumentOutput)harness.Outputs[0]).Documents;
        var (document, bytes) = Assert.Single(documents);
        Assert.Equal(File.ReadAllBytes(Path.Combine(harness.Images, "report")), bytes);
        Assert.Equal($"{receipt.ShareId}:{document.Sha256}", document.IdempotencyKey);
        Assert.Single(harness.Outputs[0].Delivered);
        Assert.Single(harness.Outputs[1].Delivered);
        var completion = Assert.Single(harness.Outputs[1].Completions);
        Assert.Equal(2, completion.DeliveredCount);
        Assert.Equal(["2.25.1"], completion.StudyInstanceUids);
    }

    [Fact]
    public async Task A_kept_document_goes_from_queued_to_sent_with_no_uid_in_the_store_or_its_delivery()
    {
        using var harness = new PipelineHarness(firstOutputTakesDocuments: true);
        var receipt = await harness.SubmitAsync("req-1", harness.AddImage("a"), harness.AddImage("report", "document", "%PDF-1.4 the report"));
        Assert.Equal(ImageState.Queued, (await harness.StatusAsync(receipt.ShareId)).Images[1].State);

        await harness.RunAsync();

        var report = harness.Get<ShareRepository>().GetInstances(receipt.ShareId)[1];
        Assert.Equal(ImageState.Sent, report.State);
        Assert.Null(report.SopInstanceUid);
        using var connection = harness.Get<ShareDatabase>().Open();
        string documentType;
        using (var image = connection.CreateCommand())
        {
            image.CommandText = """
                SELECT sop_class_uid, sop_instance_uid, study_instance_uid, series_instance_uid, transfer_syntax_uid, media_type
                FROM images WHERE share_id = @id AND position = 1
                """;
            image.Parameters.AddWithValue("@id", receipt.ShareId);
            using var reader = image.ExecuteReader();
            Assert.True(reader.Read());
            Assert.All(Enumerable.Range(0, 5), i => Assert.True(reader.IsDBNull(i), $"column {reader.GetName(i)} holds a value"));
            documentType = reader.GetString(5);
        }

        var (document, _) = Assert.Single(((RecordingDocumentOutput)harness.Outputs[0]).Documents);
        Assert.Equal(document.MediaType, documentType);
        var delivery = Assert.Single(harness.Get<ImageQueue>().SentFilesOf(receipt.ShareId, 1));
        Assert.Equal(new SentFiles.Entry(0, document.Sha256, document.Length), Assert.Single(SentFiles.Parse(delivery.Value!)));

        // The instance beside it has UIDs under 2.25 (and a standard SOP class): none of them, nor any other UID, may
        // reach the document's delivery, its attempt log or its hand-off.
        using var rows = connection.CreateCommand();
        rows.CommandText = """
            SELECT idempotency_key || ' ' || COALESCE(sent_files, '') FROM deliveries WHERE share_id = @id AND position = 1
            UNION ALL SELECT COALESCE(output_id, '') || ' ' || outcome || ' ' || COALESCE(reason, '') FROM attempts WHERE share_id = @id AND position = 1
            """;
        rows.Parameters.AddWithValue("@id", receipt.ShareId);
        var recorded = new List<string> { document.IdempotencyKey, document.FilePath };
        using (var reader = rows.ExecuteReader())
        {
            while (reader.Read())
            {
                recorded.Add(reader.GetString(0));
            }
        }

        Assert.Contains(recorded, r => r.StartsWith($"{receipt.ShareId}:{document.Sha256}", StringComparison.Ordinal));
        Assert.All(recorded, r => Assert.DoesNotMatch(@"\b(2\.25|1\.2\.840)\.", r));
        Assert.Equal(["2.25.1"], Assert.Single(harness.Outputs[0].Completions).StudyInstanceUids);
    }

    [Fact]
    public async Task Kept_non_dicom_content_is_kept_aside_when_no_output_password_protects_it()
    {
        using var harness = new PipelineHarness();
        var receipt = await harness.SubmitAsync("req-1", harness.AddImage("a"), harness.AddImage("report", "document", "%PDF-1.4 the report"));

        await harness.RunAsync();

        var status = await harness.StatusAsync(receipt.ShareId);
        Assert.Equal(ShareState.Completed, status.State);
        Assert.Equal([ImageState.Sent, ImageState.SetAside], status.Images.Select(i => i.State));
        Assert.Contains("none of the active outputs (Test.Output0) does", status.Images[1].Reason, StringComparison.Ordinal);
        Assert.Single(harness.Outputs[0].Delivered);
        Assert.Equal(1, Assert.Single(harness.Outputs[0].Completions).DeliveredCount);
    }

    [Fact]
    public async Task A_share_with_nothing_sendable_fails_without_handing_out_the_recipient()
    {
        using var harness = new PipelineHarness();
        var receipt = await harness.SubmitAsync("req-1", harness.AddImage("a", "set-aside"));

        await harness.RunAsync();

        var status = await harness.StatusAsync(receipt.ShareId);
        Assert.Equal(ShareState.Failed, status.State);
        Assert.Contains("no image of the share could be sent", status.Reason, StringComparison.Ordinal);
        Assert.Empty(harness.Outputs[0].Completions);
    }

    [Fact]
    public async Task An_output_that_refuses_an_instance_sets_that_image_aside_with_its_reason()
    {
        using var harness = new PipelineHarness();
        harness.Outputs[0].DeliveryScript.Enqueue(DeliveryStatus.SetAside);
        var receipt = await harness.SubmitAsync("req-1", harness.AddImage("a"), harness.AddImage("b"));

        await harness.RunAsync();

        var status = await harness.StatusAsync(receipt.ShareId);
        Assert.Equal(ImageState.SetAside, status.Images[0].State);
        Assert.Equal("output Test.Output0 refused it: scripted SetAside", status.Images[0].Reason);
        Assert.Equal(ImageState.Sent, status.Images[1].State);
        Assert.Equal(ShareState.Completed, status.State);
    }

    [Fact]
    public async Task An_anonymizer_that_keeps_throwing_fails_the_image_after_the_attempt_limit_without_quoting_its_message()
    {
        using var harness = new PipelineHarness();
        var receipt = await harness.SubmitAsync("req-1", harness.AddImage("a", "throw"));

        for (var i = 0; i < 3; i++)
        {
            await harness.RunAsync();
            harness.Time.Advance(TimeSpan.FromMinutes(1));
        }

        var status = await harness.StatusAsync(receipt.ShareId);
        Assert.Equal(3, harness.Processor.Calls);
        Assert.Equal(ImageState.Failed, status.Images[0].State);
        Assert.Equal("anonymizer (Test.Profile) threw InvalidDataException (gave up after 3 attempts)", status.Images[0].Reason);
        Assert.Equal(ShareState.Failed, status.State);
        Assert.DoesNotContain(harness.Logs.Lines, l => l.Contains("PATIENT^SECRET", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_image_that_disappears_from_the_store_is_retried_then_failed()
    {
        using var harness = new PipelineHarness();
        var receipt = await harness.SubmitAsync("req-1", harness.AddImage("a"));
        File.Delete(Path.Combine(harness.Images, "a"));

        for (var i = 0; i < 3; i++)
        {
            await harness.RunAsync();
            harness.Time.Advance(TimeSpan.FromMinutes(1));
        }

        var image = (await harness.StatusAsync(receipt.ShareId)).Images[0];
        Assert.Equal(ImageState.Failed, image.State);
        Assert.StartsWith("image not found: no file for a", image.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_output_gets_each_instance_once_even_when_one_of_them_fails_first()
    {
        using var harness = new PipelineHarness(outputs: 2);
        harness.Outputs[1].DeliveryScript.Enqueue(DeliveryStatus.Retry);
        var receipt = await harness.SubmitAsync("req-1", harness.AddImage("a"));

        await harness.RunAsync();
        harness.Time.Advance(TimeSpan.FromSeconds(3));
        await harness.RunAsync();

        Assert.Single(harness.Outputs[0].Delivered);
        Assert.Single(harness.Outputs[1].Delivered);
        Assert.All(harness.Outputs, o => Assert.Single(o.Completions));
        Assert.Equal(ShareState.Completed, (await harness.StatusAsync(receipt.ShareId)).State);
    }

    [Fact]
    public async Task A_failed_hand_off_is_retried_and_outputs_that_took_it_are_not_called_again()
    {
        using var harness = new PipelineHarness(outputs: 2);
        harness.Outputs[1].CompletionScript.Enqueue(DeliveryStatus.Retry);
        var receipt = await harness.SubmitAsync("req-1", harness.AddImage("a"));

        await harness.RunAsync();
        var waiting = await harness.StatusAsync(receipt.ShareId);
        Assert.Equal(ShareState.Waiting, waiting.State);
        Assert.Contains("could not take the share", waiting.Reason, StringComparison.Ordinal);

        harness.Time.Advance(TimeSpan.FromSeconds(3));
        await harness.RunAsync();

        Assert.Single(harness.Outputs[0].Completions);
        Assert.Single(harness.Outputs[1].Completions);
        Assert.Equal(ShareState.Completed, (await harness.StatusAsync(receipt.ShareId)).State);
    }

    [Fact]
    public async Task Log_lines_never_carry_the_recipient()
    {
        using var harness = new PipelineHarness();
        harness.Outputs[0].DeliveryScript.Enqueue(DeliveryStatus.Retry);
        await harness.SubmitAsync("req-1", harness.AddImage("a"), harness.AddImage("b", "set-aside"));
        await harness.RunAsync();
        harness.Time.Advance(TimeSpan.FromSeconds(3));
        await harness.RunAsync();

        Assert.NotEmpty(harness.Logs.Lines);
        Assert.DoesNotContain(harness.Logs.Lines, l => l.Contains(PipelineHarness.Email, StringComparison.Ordinal) || l.Contains(PipelineHarness.Phone, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_attempt_history_records_each_stage_and_retry()
    {
        using var harness = new PipelineHarness();
        harness.Outputs[0].DeliveryScript.Enqueue(DeliveryStatus.Retry);
        var receipt = await harness.SubmitAsync("req-1", harness.AddImage("a"));
        await harness.RunAsync();
        harness.Time.Advance(TimeSpan.FromSeconds(3));
        await harness.RunAsync();

        using var connection = harness.Get<ShareDatabase>().Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT stage || ':' || outcome FROM attempts WHERE share_id = @id ORDER BY id";
        command.Parameters.AddWithValue("@id", receipt.ShareId);
        var rows = new List<string>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            rows.Add(reader.GetString(0));
        }

        Assert.Equal(["fetch:ok", "anonymize:ok", "deliver:retry", "deliver:ok", "deliver:sent", "complete:ok"], rows);
    }

    [Fact]
    public async Task Without_an_available_profile_images_wait_with_the_reason_and_nothing_is_anonymized()
    {
        using var harness = new PipelineHarness();
        var plugins = (TestActivePlugins)harness.Get<Core.Plugins.IActivePlugins>();
        plugins.ProfileProblem = "plugin Uplink.Profiles.Builtin was refused";
        var receipt = await harness.SubmitAsync("req-1", harness.AddImage("a"));

        for (var i = 0; i < 10; i++)
        {
            await harness.RunAsync();
            harness.Time.Advance(TimeSpan.FromMinutes(1));
        }

        var status = await harness.StatusAsync(receipt.ShareId);
        Assert.Equal(0, harness.Processor.Calls);
        Assert.Equal(ShareState.Waiting, status.State);
        Assert.Equal(ImageState.Fetched, status.Images[0].State);
        Assert.Contains("no anonymization profile is available", status.Reason, StringComparison.Ordinal);

        plugins.ProfileProblem = null;
        harness.Time.Advance(TimeSpan.FromMinutes(1));
        await harness.RunAsync();
        Assert.Equal(ShareState.Completed, (await harness.StatusAsync(receipt.ShareId)).State);
    }

    [Fact]
    public async Task Without_the_anonymizer_images_wait_with_the_reason_until_it_can_be_created()
    {
        using var harness = new PipelineHarness { AnonymizerMissing = true };
        var receipt = await harness.SubmitAsync("req-1", harness.AddImage("a"));

        await harness.RunAsync();
        var waiting = await harness.StatusAsync(receipt.ShareId);
        harness.AnonymizerMissing = false;
        harness.Time.Advance(TimeSpan.FromSeconds(3));
        await harness.RunAsync();

        Assert.Equal(ShareState.Waiting, waiting.State);
        Assert.Contains("the anonymizer is not available", waiting.Reason, StringComparison.Ordinal);
        Assert.Equal(ShareState.Completed, (await harness.StatusAsync(receipt.ShareId)).State);
    }
}
