using System.ComponentModel.DataAnnotations;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Uplink.Output.Tricefy;
using Uplink.Plugins.Abstractions.Inputs;
using Uplink.Plugins.Abstractions.Outputs;
using Uplink.Plugins.Tests.Support;
using Uplink.Tricefy.Simulator.Faults;

namespace Uplink.Plugins.Tests.Outputs.Tricefy;

/// <summary>The patient-link hand-off: a separate request after the images, over TLS, and never inside a DICOM file.</summary>
public sealed class TricefyShareHandoffTests : IAsyncLifetime
{
    private const string Email = "patient.person@example.org";
    private const string Phone = "+46701234567";
    private SimulatorScope _scope = null!;

    public async ValueTask InitializeAsync() => _scope = await SimulatorScope.StartAsync();

    public async ValueTask DisposeAsync() => await _scope.DisposeAsync();

    [Fact]
    public async Task CompleteShareAsync_AfterTheUploads_HandsTheContactOverInItsOwnRequest_AndNoUploadCarriesIt()
    {
        var output = _scope.CreateOutput();
        var batch = new[] { _scope.Instance("2.25.61"), _scope.Instance("2.25.62") };
        await output.DeliverAsync(batch, TestContext.Current.CancellationToken);

        var result = await output.CompleteShareAsync(new ShareCompletion("share-1", new ShareRecipient(Email, Phone), ["2.25.1"], 2), TestContext.Current.CancellationToken);

        Assert.Equal(DeliveryStatus.Delivered, result.Status);
        var share = Assert.Single(_scope.Simulator.Received.Shares);
        Assert.Equal(("share-1", Email, Phone, 2), (share.ShareId, share.Email, share.Phone, share.InstanceCount));
        Assert.Equal(["2.25.1"], share.StudyInstanceUids);
        foreach (var stored in _scope.Simulator.Received.Instances)
        {
            var bytes = await File.ReadAllBytesAsync(stored.StoredPath, TestContext.Current.CancellationToken);
            Assert.DoesNotContain(Email, Encoding.Latin1.GetString(bytes), StringComparison.Ordinal);
            Assert.DoesNotContain(Phone, Encoding.Latin1.GetString(bytes), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task CompleteShareAsync_503ThenUp_IsRetryUntilUp_AndRecordedOnce()
    {
        var output = _scope.CreateOutput();
        _scope.Simulator.Faults.Enqueue(FaultKind.ServiceUnavailable, 1);
        var share = new ShareCompletion("share-2", new ShareRecipient(Email, null), ["2.25.1"], 1);

        var whileDown = await output.CompleteShareAsync(share, TestContext.Current.CancellationToken);
        var result = await output.CompleteShareAsync(share, TestContext.Current.CancellationToken);
        var repeat = await output.CompleteShareAsync(share, TestContext.Current.CancellationToken);

        Assert.Equal(DeliveryStatus.Retry, whileDown.Status);
        Assert.Contains("503", whileDown.Reason, StringComparison.Ordinal);
        Assert.Equal(DeliveryStatus.Delivered, result.Status);
        Assert.Equal(DeliveryStatus.Delivered, repeat.Status);
        Assert.Single(_scope.Simulator.Received.Shares);
    }

    [Fact]
    public async Task CompleteShareAsync_WithoutAnyContact_IsSetAsideWithoutARequest()
    {
        var output = _scope.CreateOutput();

        var result = await output.CompleteShareAsync(new ShareCompletion("share-3", new ShareRecipient(" ", null), ["2.25.1"], 1), TestContext.Current.CancellationToken);

        Assert.Equal(DeliveryStatus.SetAside, result.Status);
        Assert.Empty(_scope.Simulator.Received.Shares);
    }

    [Fact]
    public void ConfigureServices_PlainHttpShareEndpointOffLoopback_IsRefused()
    {
        var settings = _scope.Settings();
        settings["ShareEndpoint"] = "http://tricefy.example/uplink/shares";

        var error = Assert.Throws<ValidationException>(() => new TricefyPlugin().ConfigureServices(new ServiceCollection(), new TestPluginContext("tricefy", settings, _scope.Temp.Path)));

        Assert.Contains("'ShareEndpoint'", error.Message, StringComparison.Ordinal);
        Assert.Contains("https", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ConfigureServices_MissingToken_IsRefusedNamingTheSetting()
    {
        var settings = _scope.Settings();
        settings.Remove("Token");

        var error = Assert.Throws<ValidationException>(() => new TricefyPlugin().ConfigureServices(new ServiceCollection(), new TestPluginContext("tricefy", settings, _scope.Temp.Path)));

        Assert.Contains("Token", error.Message, StringComparison.Ordinal);
    }
}
