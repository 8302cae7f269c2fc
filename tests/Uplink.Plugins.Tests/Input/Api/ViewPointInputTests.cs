using Uplink.Input.ViewPoint;
using Uplink.Input.ViewPoint.Api;
using Uplink.Input.ViewPoint.Images;

namespace Uplink.Plugins.Tests.Input.Api;

public sealed class ViewPointInputTests
{
    [Fact]
    public async Task Listening_beyond_loopback_without_a_certificate_is_refused_with_the_setting_to_fix()
    {
        var options = new ViewPointOptions { Address = "0.0.0.0", Port = 0, ApiKey = "k", ImageRoot = Path.GetTempPath() };
        var input = new ViewPointInput(options, new FolderImageSource(options), new ViewPointIdentity("vp"), TimeProvider.System);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => input.RunAsync(null!, TestContext.Current.CancellationToken));

        Assert.Contains("set CertificatePath", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_an_api_key_the_input_refuses_to_start()
    {
        var options = new ViewPointOptions { Port = 0, ImageRoot = Path.GetTempPath() };
        var input = new ViewPointInput(options, new FolderImageSource(options), new ViewPointIdentity("vp"), TimeProvider.System);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => input.RunAsync(null!, TestContext.Current.CancellationToken));

        Assert.Contains("no ApiKey setting", error.Message, StringComparison.Ordinal);
    }
}
