namespace Uplink.Plugins.Tests.Outputs.DicomWeb;

/// <summary>Counts the requests that really leave the output for the server.</summary>
internal sealed class CountingHandler : DelegatingHandler
{
    private int _sent;

    public int Sent => Volatile.Read(ref _sent);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _sent);
        return base.SendAsync(request, cancellationToken);
    }
}
