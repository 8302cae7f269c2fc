using Microsoft.Extensions.DependencyInjection;
using Uplink.Dicom;
using Uplink.Output.DicomWeb;
using Uplink.Plugins.Abstractions.Outputs;
using Uplink.Plugins.Tests.Support;

namespace Uplink.Plugins.Tests.Outputs.DicomWeb;

/// <summary>STOW-RS against a real Orthanc with its DICOMweb plugin.</summary>
public sealed class DicomWebOrthancTests(OrthancFixture orthanc) : IClassFixture<OrthancFixture>, IAsyncLifetime
{
    private readonly TempFolder _temp = new("uplink-stow");

    public async ValueTask InitializeAsync()
    {
        if (orthanc.SkipReason is { } reason)
        {
            Assert.Skip(reason);
        }

        await orthanc.ResetAsync();
    }

    // xUnit v3 calls DisposeAsync, not Dispose, on a class that has both: the folder goes here.
    public ValueTask DisposeAsync()
    {
        _temp.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task DeliverAsync_SevenInstances_AllArriveAndOrthancParsesOurPatientNameAndId()
    {
        var output = CreateOutput();
        var batch = Enumerable.Range(1, 7).Select(i => Instance($"2.25.77{i}", "ANONYMOUS^LPU", $"LPU-{i:D4}")).ToArray();

        var results = await output.DeliverAsync(batch, TestContext.Current.CancellationToken);

        Assert.All(results, r => Assert.Equal(DeliveryStatus.Delivered, r.Status));
        Assert.Equal(7, await orthanc.CountInstancesAsync());
        var parsed = await orthanc.ParsedPatientsAsync();
        for (var i = 1; i <= 7; i++)
        {
            Assert.Equal(("ANONYMOUS^LPU", $"LPU-{i:D4}"), parsed[$"2.25.77{i}"]);
        }
    }

    [Fact]
    public async Task DeliverAsync_RealJpegClipRelabelled_OrthancAgreesOnItsPatientNameAndId()
    {
        var relabelled = _temp.Combine("clip.dcm");
        var clip = DicomFile.Open(Corpus.File("us/ge_cine_jpeg_baseline_87f.dcm"));
        clip.Dataset.AddOrUpdate(DicomTags.PatientName, DicomVR.PN, "ANONYMOUS");
        clip.Dataset.AddOrUpdate(DicomTags.PatientID, DicomVR.LO, "000000");
        clip.Dataset.AddOrUpdate(DicomTags.SOPInstanceUID, DicomVR.UI, "2.25.7000001");
        new DicomFile(clip.Dataset, clip.TransferSyntax).Save(relabelled);

        var result = Assert.Single(await CreateOutput().DeliverAsync([Corpus.Instance(relabelled)], TestContext.Current.CancellationToken));

        Assert.Equal(DeliveryStatus.Delivered, result.Status);
        Assert.Equal(("ANONYMOUS", "000000"), (await orthanc.ParsedPatientsAsync())["2.25.7000001"]);
    }

    [Fact]
    public async Task DeliverAsync_LostAnswersAndARepeatedDelivery_OrthancStillCountsEachInstanceOnce()
    {
        var losing = new LosingHandler(2);
        var output = CreateOutput(handler: losing);
        var batch = Enumerable.Range(1, 6).Select(i => Instance($"2.25.78{i}")).ToArray();

        var first = await output.DeliverAsync(batch, TestContext.Current.CancellationToken);
        var again = await output.DeliverAsync(batch, TestContext.Current.CancellationToken);

        Assert.Equal(2, losing.Lost);
        Assert.Equal([DeliveryStatus.Retry, DeliveryStatus.Retry], first.Take(2).Select(r => r.Status));
        Assert.All(first.Skip(2).Concat(again), r => Assert.Equal(DeliveryStatus.Delivered, r.Status));
        Assert.Equal(6, await orthanc.CountInstancesAsync());
    }

    [Fact]
    public async Task DeliverAsync_OneFileThatIsNotDicom_IsSetAsideAndTheOthersArrive()
    {
        var output = CreateOutput();
        var bad = _temp.Combine("bad.dcm");
        await File.WriteAllTextAsync(bad, "this is not DICOM", TestContext.Current.CancellationToken);
        var batch = new[] { Instance("2.25.791"), Instance("2.25.792") with { FilePath = bad, Length = 17 }, Instance("2.25.793") };

        var results = await output.DeliverAsync(batch, TestContext.Current.CancellationToken);

        Assert.Equal([DeliveryStatus.Delivered, DeliveryStatus.SetAside, DeliveryStatus.Delivered], results.Select(r => r.Status));
        Assert.Contains("400", results[1].Reason, StringComparison.Ordinal);
        Assert.Equal(2, await orthanc.CountInstancesAsync());
    }

    [Fact]
    public async Task DeliverAsync_WrongPassword_IsCredentialsRejectedAndNothingElseIsTried()
    {
        var output = CreateOutput(new() { ["Password"] = "pw-3f9a-not-it" });
        var batch = new[] { Instance("2.25.801"), Instance("2.25.802") };

        var results = await output.DeliverAsync(batch, TestContext.Current.CancellationToken);

        Assert.All(results, r => Assert.Equal(DeliveryStatus.CredentialsRejected, r.Status));
        Assert.Contains("401", results[0].Reason, StringComparison.Ordinal);
        Assert.StartsWith("Not attempted", results[1].Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("pw-3f9a", results[0].Reason, StringComparison.Ordinal);
        Assert.Equal(0, await orthanc.CountInstancesAsync());
    }

    [Fact]
    public async Task DeliverAsync_AfterA401_LaterDeliveriesSendNothing_UntilTheOutputIsConfiguredAgain()
    {
        var counting = new CountingHandler();
        var output = CreateOutput(new() { ["Password"] = "pw-revoked" }, counting);

        var first = Assert.Single(await output.DeliverAsync([Instance("2.25.821")], TestContext.Current.CancellationToken));
        var later = Assert.Single(await output.DeliverAsync([Instance("2.25.822")], TestContext.Current.CancellationToken));

        Assert.Equal((DeliveryStatus.CredentialsRejected, DeliveryStatus.CredentialsRejected), (first.Status, later.Status));
        Assert.StartsWith("Not attempted", later.Reason, StringComparison.Ordinal);
        Assert.Equal(1, counting.Sent);
        var reconfigured = Assert.Single(await CreateOutput().DeliverAsync([Instance("2.25.822")], TestContext.Current.CancellationToken));
        Assert.Equal(DeliveryStatus.Delivered, reconfigured.Status);
        Assert.Equal(1, await orthanc.CountInstancesAsync());
    }

    [Fact]
    public async Task DeliverAsync_NothingListening_IsRetryNamingTheConnectionFailure()
    {
        var output = CreateOutput(new() { ["BaseUrl"] = "http://127.0.0.1:9/dicom-web" });

        var result = Assert.Single(await output.DeliverAsync([Instance("2.25.811")], TestContext.Current.CancellationToken));

        Assert.Equal(DeliveryStatus.Retry, result.Status);
        Assert.Contains("connection failed", result.Reason, StringComparison.Ordinal);
    }

    private IOutputPlugin CreateOutput(Dictionary<string, string?>? overrides = null, DelegatingHandler? handler = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["BaseUrl"] = orthanc.DicomWebRoot.ToString(),
            ["Username"] = orthanc.Username,
            ["Password"] = orthanc.Password,
            ["RequestTimeout"] = "00:00:30",
        };
        foreach (var (key, value) in overrides ?? [])
        {
            settings[key] = value;
        }

        var services = new ServiceCollection();
        new DicomWebPlugin().ConfigureServices(services, new TestPluginContext("dicomweb", settings, _temp.Path));
        if (handler is not null)
        {
            services.AddHttpClient(DicomWebOutput.ClientName).AddHttpMessageHandler(() => handler);
        }

        return services.BuildServiceProvider().GetRequiredService<IOutputPlugin>();
    }

    private OutboundInstance Instance(string sop, string name = "ANONYMOUS", string id = "000000")
    {
        var path = MinimalPart10.Write(_temp.Combine($"{sop}.dcm"), sop, patientName: name, patientId: id, studyUid: "2.25.4242", seriesUid: "2.25.4243");
        return new OutboundInstance("share-s", $"share-s/{sop}", path, new FileInfo(path).Length, MinimalPart10.UltrasoundImage, sop, "2.25.4242", "2.25.4243", MinimalPart10.ExplicitVRLittleEndian);
    }
}
