using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Uplink.Tests.Shared;

/// <summary>Ports on 127.0.0.1 for the real peers the tests start (dcmtk, Orthanc, Uplink's own receivers).</summary>
internal static class LoopbackPort
{
    /// <summary>A port free right now (a peer that takes its port on the command line needs one found first; a small race, fine on a test box).</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// Waits until something listens on <paramref name="port"/> (on loopback, or on every address as storescp does).
    /// It reads the listening socket table instead of connecting: a bare TCP connect would count as a failed
    /// association in a DICOM peer's log.
    /// </summary>
    /// <param name="process">The peer, whose exit ends the wait.</param>
    /// <param name="port">The port.</param>
    /// <param name="peer">The peer's name, for the failure.</param>
    public static async Task WaitUntilListeningAsync(Process process, int port, string peer)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!File.ReadAllText("/proc/net/tcp").Contains($":{port:X4} 00000000:0000 0A", StringComparison.Ordinal))
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"{peer} did not start listening on port {port}.");
            }

            await Task.Delay(20);
        }
    }
}
