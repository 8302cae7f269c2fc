namespace Uplink.Plugins.Tests.Outputs.DicomWeb;

/// <summary>
/// Lets the request reach the server, then loses the answer the first <c>count</c> times: the server
/// has stored the instances, the client sees a dropped connection and retries, so the server gets duplicates.
/// </summary>
internal sealed class LosingHandler(int count) : DelegatingHandler
{
    private int _left = count;
    private int _lost;

    public int Lost => Volatile.Read(ref _lost);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (Interlocked.Decrement(ref _left) >= 0)
        {
            response.Dispose();
            Interlocked.Increment(ref _lost);
            throw new HttpRequestException(HttpRequestError.ResponseEnded, "Test: the answer was lost on the way back.");
        }

        Interlocked.Exchange(ref _left, 0);
        return response;
    }
}
