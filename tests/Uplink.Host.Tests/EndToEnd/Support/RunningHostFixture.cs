namespace Uplink.Host.Tests.EndToEnd.Support;

/// <summary>One running host with a two-image exam (a single frame and a clip), shared by a test class.</summary>
public sealed class RunningHostFixture : IAsyncLifetime
{
    internal EndToEndSite Host { get; } = new(images: 2, frames: 12);

    public async ValueTask InitializeAsync() => await Host.StartAsync();

    public ValueTask DisposeAsync()
    {
        Host.Dispose();
        return ValueTask.CompletedTask;
    }
}
