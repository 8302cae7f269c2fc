using Uplink.Output.DicomWeb.Stow;
using Uplink.Plugins.Abstractions.Outputs;

namespace Uplink.Plugins.Tests.Outputs.DicomWeb;

/// <summary>Reading STOW answers that Orthanc does not produce here (202 with failures, 409, 415), from PS3.18-shaped bodies.</summary>
public sealed class StowOutcomeTests
{
    private static readonly OutboundInstance First = Instance("2.25.1");
    private static readonly OutboundInstance Second = Instance("2.25.2");

    [Theory]
    [InlineData("2.25.1", DeliveryStatus.Delivered, null)]
    [InlineData("2.25.2", DeliveryStatus.SetAside, "0xC000")]
    [InlineData("2.25.3", DeliveryStatus.Retry, "0xA700")]
    public void Map_202WithFailedSopSequence_TreatsTheInstanceByItsOwnOutcome(string sop, DeliveryStatus expected, string? reason)
    {
        const string body = """
            {"00081198":{"vr":"SQ","Value":[
               {"00081150":{"vr":"UI","Value":["1.2.840.10008.5.1.4.1.1.6.1"]},"00081155":{"vr":"UI","Value":["2.25.2"]},"00081197":{"vr":"US","Value":[49152]}},
               {"00081155":{"vr":"UI","Value":["2.25.3"]},"00081197":{"vr":"US","Value":[42752]}}]},
             "00081199":{"vr":"SQ","Value":[{"00081155":{"vr":"UI","Value":["2.25.1"]}}]}}
            """;

        var result = StowOutcome.Map(202, "202 Accepted", body, Instance(sop));

        Assert.Equal(expected, result.Status);
        if (reason is not null)
        {
            Assert.Contains(reason, result.Reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Map_202WithoutMentioningTheInstance_RetriesIt()
    {
        var result = StowOutcome.Map(202, "202 Accepted", """{"00081199":{"vr":"SQ","Value":[{"00081155":{"vr":"UI","Value":["2.25.1"]}}]}}""", Second);

        Assert.Equal(DeliveryStatus.Retry, result.Status);
        Assert.Contains("did not confirm", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_DuplicateSopInstanceFailure_CountsAsDelivered()
    {
        var result = StowOutcome.Map(409, "409 Conflict", """{"00081198":{"vr":"SQ","Value":[{"00081155":{"vr":"UI","Value":["2.25.1"]},"00081197":{"vr":"US","Value":[273]}}]}}""", First);

        Assert.Equal(DeliveryStatus.Delivered, result.Status);
    }

    [Fact]
    public void Map_409WithoutDetail_SetsTheInstanceAsideNamingTheStatus()
    {
        var result = StowOutcome.Map(409, "The STOW-RS server answered the STOW-RS request with 409 Conflict", string.Empty, First);

        Assert.Equal(DeliveryStatus.SetAside, result.Status);
        Assert.Contains("409", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_415_SetsTheInstanceAsideSayingWhy()
    {
        var result = StowOutcome.Map(415, "415 Unsupported Media Type", string.Empty, First);

        Assert.Equal(DeliveryStatus.SetAside, result.Status);
        Assert.Contains("multipart/related", result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(200, DeliveryStatus.Delivered)]
    [InlineData(400, DeliveryStatus.SetAside)]
    [InlineData(404, DeliveryStatus.SetAside)]
    [InlineData(413, DeliveryStatus.SetAside)]
    public void Map_StatusWithoutBody_DecidesByTheStatus(int status, DeliveryStatus expected) =>
        Assert.Equal(expected, StowOutcome.Map(status, $"{status}", string.Empty, First).Status);

    [Theory]
    [InlineData("")]
    [InlineData("<NativeDicomModel/>")]
    [InlineData("[]")]
    public void Parse_BodyThatIsNotDicomJson_ReadsAsEmpty(string body) =>
        Assert.Equal((0, 0), (StowResponse.Parse(body).Stored.Count, StowResponse.Parse(body).Failed.Count));

    private static OutboundInstance Instance(string sop) =>
        new("s", $"s/{sop}", "/nonexistent", 1, "1.2.840.10008.5.1.4.1.1.6.1", sop, "2.25.9", "2.25.10", "1.2.840.10008.1.2.1");
}
