using Uplink.Output.DicomWeb.Stow;
using Uplink.Plugins.Abstractions.Outputs;

namespace Uplink.Plugins.Tests.Outputs.DicomWeb;

/// <summary>Reading STOW answers that Orthanc does not produce here (202 with failures, 409, 415), from PS3.18-shaped bodies.</summary>
public sealed class StowOutcomeTests
{
    private static readonly OutboundInstance[] Batch = [Instance("2.25.1"), Instance("2.25.2"), Instance("2.25.3")];

    [Fact]
    public void Map_202WithFailedSopSequence_TreatsEachInstanceByItsOwnOutcome()
    {
        var body = StowResponse.Parse("""
            {"00081198":{"vr":"SQ","Value":[
               {"00081150":{"vr":"UI","Value":["1.2.840.10008.5.1.4.1.1.6.1"]},"00081155":{"vr":"UI","Value":["2.25.2"]},"00081197":{"vr":"US","Value":[49152]}},
               {"00081155":{"vr":"UI","Value":["2.25.3"]},"00081197":{"vr":"US","Value":[42752]}}]},
             "00081199":{"vr":"SQ","Value":[{"00081155":{"vr":"UI","Value":["2.25.1"]}}]}}
            """);

        var results = StowOutcome.Map(new StowAttempt(202, "202 Accepted", body), Batch)!;

        Assert.Equal([DeliveryStatus.Delivered, DeliveryStatus.SetAside, DeliveryStatus.Retry], results.Select(r => r!.Status));
        Assert.Contains("0xC000", results[1]!.Reason, StringComparison.Ordinal);
        Assert.Contains("0xA700", results[2]!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_202WithoutMentioningAnInstance_RetriesIt()
    {
        var body = StowResponse.Parse("""{"00081199":{"vr":"SQ","Value":[{"00081155":{"vr":"UI","Value":["2.25.1"]}}]}}""");

        var results = StowOutcome.Map(new StowAttempt(202, "202 Accepted", body), Batch)!;

        Assert.Equal([DeliveryStatus.Delivered, DeliveryStatus.Retry, DeliveryStatus.Retry], results.Select(r => r!.Status));
    }

    [Fact]
    public void Map_DuplicateSopInstanceFailure_CountsAsDelivered()
    {
        var body = StowResponse.Parse("""{"00081198":{"vr":"SQ","Value":[{"00081155":{"vr":"UI","Value":["2.25.1"]},"00081197":{"vr":"US","Value":[273]}}]}}""");

        var results = StowOutcome.Map(new StowAttempt(409, "409 Conflict", body), [Batch[0]])!;

        Assert.Equal(DeliveryStatus.Delivered, Assert.Single(results)!.Status);
    }

    [Fact]
    public void Map_409ListingOneInstance_SetsItAsideAndLeavesTheOthersToResend()
    {
        var body = StowResponse.Parse("""{"00081198":{"vr":"SQ","Value":[{"00081155":{"vr":"UI","Value":["2.25.2"]},"00081197":{"vr":"US","Value":[290]}}]}}""");

        var results = StowOutcome.Map(new StowAttempt(409, "409 Conflict", body), Batch)!;

        Assert.Null(results[0]);
        Assert.Equal(DeliveryStatus.SetAside, results[1]!.Status);
        Assert.Null(results[2]);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(409)]
    [InlineData(413)]
    public void Map_WholeBatchRefusedWithoutDetail_AsksToSplit(int status) =>
        Assert.Null(StowOutcome.Map(new StowAttempt(status, $"{status}", StowResponse.Empty), Batch));

    [Fact]
    public void Map_415_SetsAsideEveryInstanceSayingWhy()
    {
        var results = StowOutcome.Map(new StowAttempt(415, "415 Unsupported Media Type", StowResponse.Empty), Batch)!;

        Assert.All(results, r => Assert.Equal(DeliveryStatus.SetAside, r!.Status));
        Assert.Contains("multipart/related", results[0]!.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(401, DeliveryStatus.CredentialsRejected)]
    [InlineData(403, DeliveryStatus.CredentialsRejected)]
    [InlineData(503, DeliveryStatus.Retry)]
    [InlineData(429, DeliveryStatus.Retry)]
    [InlineData(404, DeliveryStatus.SetAside)]
    public void Map_StatusWithoutBody_AppliesToTheWholeBatch(int status, DeliveryStatus expected)
    {
        var results = StowOutcome.Map(new StowAttempt(status, $"{status}", StowResponse.Empty), Batch)!;

        Assert.All(results, r => Assert.Equal(expected, r!.Status));
    }

    [Theory]
    [InlineData("")]
    [InlineData("<NativeDicomModel/>")]
    [InlineData("[]")]
    public void Parse_BodyThatIsNotDicomJson_ReadsAsEmpty(string body) =>
        Assert.Equal((0, 0), (StowResponse.Parse(body).Stored.Count, StowResponse.Parse(body).Failed.Count));

    private static OutboundInstance Instance(string sop) =>
        new("s", $"s/{sop}", "/nonexistent", 1, "1.2.840.10008.5.1.4.1.1.6.1", sop, "2.25.9", "2.25.10", "1.2.840.10008.1.2.1");
}
