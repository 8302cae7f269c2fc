using Microsoft.Extensions.DependencyInjection;
using Uplink.Output.Tricefy;
using Uplink.Output.Tricefy.Http;
using Uplink.Plugins.Abstractions.Outputs;
using Uplink.Plugins.Tests.Support;

namespace Uplink.Plugins.Tests.Outputs.Tricefy;

/// <summary>The documented credential check: a GET on the upload endpoint.</summary>
public sealed class TricefyCredentialCheckTests : IAsyncLifetime
{
    private SimulatorScope _scope = null!;

    public async ValueTask InitializeAsync() => _scope = await SimulatorScope.StartAsync();

    public async ValueTask DisposeAsync() => await _scope.DisposeAsync();

    [Fact]
    public async Task VerifyAsync_RightCredentials_IsDelivered_WithoutUploadingAnything()
    {
        var result = await Client().VerifyAsync(TestContext.Current.CancellationToken);

        Assert.Equal(DeliveryStatus.Delivered, result.Status);
        Assert.Equal(0, _scope.Simulator.Received.UploadRequests);
    }

    [Fact]
    public async Task VerifyAsync_WrongToken_IsCredentialsRejectedOnce()
    {
        var result = await Client("not-it").VerifyAsync(TestContext.Current.CancellationToken);

        Assert.Equal(DeliveryStatus.CredentialsRejected, result.Status);
        Assert.Single(_scope.Simulator.Received.Rejections);
    }

    private TricefyClient Client(string? token = null)
    {
        var settings = _scope.Settings(token);
        var services = new ServiceCollection();
        new TricefyPlugin().ConfigureServices(services, new TestPluginContext("tricefy", settings, _scope.Temp.Path));
        return services.BuildServiceProvider().GetRequiredService<TricefyClient>();
    }
}
