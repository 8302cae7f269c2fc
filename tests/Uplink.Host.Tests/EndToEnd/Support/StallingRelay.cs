using System.Net;
using System.Net.Sockets;

namespace Uplink.Host.Tests.EndToEnd.Support;

/// <summary>
/// A one-connection TCP relay on loopback that passes the sender's first bytes to the receiver and then holds the
/// rest, so the receiver is in the middle of an instance it has not answered; answers still flow back. When the
/// receiver goes away, the sender's connection is closed too.
/// </summary>
internal sealed class StallingRelay : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;
    private int _disposed;

    public StallingRelay(int targetPort, long forwardBytes)
    {
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _running = RunAsync(targetPort, forwardBytes);
    }

    public int Port { get; }

    public async ValueTask DisposeAsync()
    {
        // The test stops it early to let the sender see the closed connection; the using block's end is then a no-op.
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stop.CancelAsync();
        _listener.Stop();
        await _running;
        _stop.Dispose();
    }

    private async Task RunAsync(int targetPort, long forwardBytes)
    {
        try
        {
            using var sender = await _listener.AcceptTcpClientAsync(_stop.Token);
            using var receiver = new TcpClient();
            await receiver.ConnectAsync(IPAddress.Loopback, targetPort, _stop.Token);
            _ = PumpAsync(sender.GetStream(), receiver.GetStream(), forwardBytes);
            await PumpAsync(receiver.GetStream(), sender.GetStream(), long.MaxValue);
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or IOException or ObjectDisposedException)
        {
            // The test is over, or a side went away: both connections close on the way out.
        }
    }

    private async Task PumpAsync(Stream from, Stream to, long limit)
    {
        var buffer = new byte[16384];
        try
        {
            while (limit > 0)
            {
                var read = await from.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, limit)), _stop.Token);
                if (read == 0)
                {
                    return;
                }

                await to.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
                limit -= read;
            }

            await Task.Delay(Timeout.Infinite, _stop.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException)
        {
            // Stopped, or a side went away.
        }
    }
}
