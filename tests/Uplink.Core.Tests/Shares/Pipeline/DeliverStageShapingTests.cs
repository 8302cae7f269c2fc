using System.Security.Cryptography;
using Uplink.Core.Shares.Store;
using Uplink.Core.Tests.Shares.Support;
using Uplink.Plugins.Abstractions.Inputs;
using Uplink.Plugins.Abstractions.Outputs;

namespace Uplink.Core.Tests.Shares.Pipeline;

/// <summary>The deliver stage sends each output only files it can take, and records the hash of every file sent.</summary>
public sealed class DeliverStageShapingTests
{
    [Fact]
    public async Task A_delivery_records_the_sha256_and_length_of_the_bytes_the_output_received_on_the_delivery_and_in_the_attempt_log()
    {
        using var harness = new PipelineHarness();
        var receipt = await harness.SubmitAsync("req-1", harness.AddImage("a"));

        await harness.RunAsync();

        var (instance, bytes) = Assert.Single(harness.Outputs[0].Delivered);
        var sent = Assert.Single(SentFiles.Parse(harness.Get<ImageQueue>().SentFilesOf(receipt.ShareId, 0)[harness.Outputs[0].Id]!));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), sent.Sha256);
        Assert.Equal(bytes.Length, sent.Length);
        Assert.Equal(0, sent.Part);
        Assert.Contains(sent.Sha256, DeliverAttemptReasons(harness, receipt.ShareId), StringComparison.Ordinal);
        Assert.DoesNotContain("PATIENT", DeliverAttemptReasons(harness, receipt.ShareId), StringComparison.Ordinal);
        Assert.EndsWith(instance.SopInstanceUid, instance.IdempotencyKey, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_output_that_does_not_take_the_sop_class_is_given_nothing_and_the_image_is_set_aside_naming_the_uid()
    {
        var picky = new CtOnlyOutput();
        using var harness = new PipelineHarness(customOutputs: [picky]);
        var receipt = await harness.SubmitAsync("req-1", harness.AddImage("a"));

        await harness.RunAsync();

        var image = Assert.Single((await harness.StatusAsync(receipt.ShareId)).Images);
        Assert.Equal(ImageState.SetAside, image.State);
        Assert.Contains("1.2.840.10008.5.1.4.1.1.6.1", image.Reason, StringComparison.Ordinal);
        Assert.Contains(picky.Id, image.Reason, StringComparison.Ordinal);
        Assert.Empty(picky.Delivered);
    }

    private static string DeliverAttemptReasons(PipelineHarness harness, string shareId)
    {
        using var connection = harness.Get<ShareDatabase>().Open();
        using var select = connection.CreateCommand();
        select.CommandText = "SELECT group_concat(reason, ' | ') FROM attempts WHERE share_id = @share AND stage = 'deliver' AND outcome = 'ok'";
        select.Parameters.AddWithValue("@share", shareId);
        return select.ExecuteScalar() as string ?? string.Empty;
    }

    private sealed class CtOnlyOutput() : RecordingOutput("Test.CtOnly"), IDeclaresAcceptance
    {
        public OutputAcceptance Acceptance { get; } = OutputAcceptance.Create(null, [], ["1.2.840.10008.5.1.4.1.1.2"]);
    }
}
