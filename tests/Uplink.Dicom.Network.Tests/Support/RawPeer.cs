using System.Buffers.Binary;
using System.Net.Sockets;

namespace Uplink.Dicom.Network.Tests.Support;

/// <summary>A hand-driven TCP peer that writes raw bytes and reads raw PDUs, for protocol violations no real tool will commit.</summary>
internal sealed class RawPeer : IDisposable
{
    private readonly TcpClient _client = new() { NoDelay = true };
    private NetworkStream? _stream;

    public static async Task<RawPeer> ConnectAsync(int port)
    {
        var peer = new RawPeer();
        await peer._client.ConnectAsync("127.0.0.1", port);
        peer._stream = peer._client.GetStream();
        return peer;
    }

    public Task SendAsync(byte[] bytes) => _stream!.WriteAsync(bytes).AsTask();

    /// <summary>The next PDU whole (header included), or null if the server closed the connection.</summary>
    public async Task<byte[]?> ReceiveAsync(TimeSpan timeout)
    {
        using var timer = new CancellationTokenSource(timeout);
        var header = new byte[6];
        try
        {
            if (await _stream!.ReadAtLeastAsync(header, 6, throwOnEndOfStream: false, timer.Token) < 6)
            {
                return null;
            }
        }
        catch (IOException)
        {
            return null;
        }

        var body = new byte[BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(2))];
        await _stream.ReadExactlyAsync(body, timer.Token);
        return [.. header, .. body];
    }

    public void Dispose() => _client.Dispose();
}
