using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Uplink.Tests.Shared;

/// <summary>
/// dcmtk storescp on a free loopback port, writing what it receives bit for bit (+B) into a temporary folder;
/// the reference receiver and a destination for senders under test. Killed and its folder deleted on dispose.
/// </summary>
internal sealed class StorescpPeer : IAsyncDisposable
{
    private readonly Process _process;

    private StorescpPeer(Process process, int port, string folder)
    {
        _process = process;
        Port = port;
        Folder = folder;
    }

    public const string AeTitle = "STORESCP";

    public int Port { get; }

    /// <summary>The folder storescp writes into.</summary>
    public string Folder { get; }

    /// <summary>The files received so far.</summary>
    public string[] Files() => Directory.GetFiles(Folder);

    /// <summary>Starts storescp with the given extra options (for example --sleep-during 5) and waits until it listens.</summary>
    public static async Task<StorescpPeer> StartAsync(params string[] extra)
    {
        var info = DcmtkTool.StartInfo("storescp");
        var folder = Directory.CreateTempSubdirectory("uplink-storescp-").FullName;
        var port = FreePort();
        string[] args = ["-aet", AeTitle, "+xa", "-pm", "+B", "-dhl", "-fe", ".dcm", "-od", folder, .. extra, port.ToString(CultureInfo.InvariantCulture)];
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info)!;
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        var peer = new StorescpPeer(process, port, folder);
        await peer.WaitUntilListeningAsync();
        return peer;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
        Directory.Delete(Folder, recursive: true);
    }

    /// <summary>storescp takes its port on the command line, so one is found free first (a small race, fine on a test box).</summary>
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task WaitUntilListeningAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            // A bare TCP connect would count as a failed association in storescp's log; probing the
            // listening socket table instead keeps the peer untouched.
            if (File.ReadAllText("/proc/net/tcp").Contains($":{Port:X4} 00000000:0000 0A", StringComparison.Ordinal))
            {
                return;
            }

            if (_process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"storescp did not start listening on port {Port}.");
            }

            await Task.Delay(20);
        }
    }
}
