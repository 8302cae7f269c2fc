using System.Net;
using System.Net.Sockets;

namespace Uplink.Dicom.Network.Tests.Support;

/// <summary>A loopback TCP port that was free a moment ago (for peers that cannot bind port 0 and report it).</summary>
internal static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
