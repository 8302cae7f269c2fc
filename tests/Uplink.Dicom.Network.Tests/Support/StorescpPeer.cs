using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;

namespace Uplink.Dicom.Network.Tests.Support;

/// <summary>
/// dcmtk storescp on a free loopback port, writing what it receives bit for bit (+B) into a temporary folder;
/// the reference receiver. Killed and its folder deleted on dispose.
/// </summary>
internal sealed class StorescpPeer : IAsyncDisposable
{
    private readonly Process _process;

    private StorescpPeer(Process process, int port, TemporaryFolder folder)
    {
        _process = process;
        Port = port;
        Folder = folder;
    }

    public const string AeTitle = "STORESCP";

    public int Port { get; }

    public TemporaryFolder Folder { get; }

    /// <summary>Starts storescp with the given extra options (for example --sleep-during 5) and waits until it listens.</summary>
    public static async Task<StorescpPeer> StartAsync(params string[] extra)
    {
        var folder = new TemporaryFolder();
        var port = FreePort.Next();
        string[] args = ["-aet", AeTitle, "+xa", "-pm", "+B", "-dhl", "-fe", ".dcm", "-od", folder.Path, .. extra, port.ToString(CultureInfo.InvariantCulture)];
        var process = Process.Start(ExternalTool.StartInfo("storescp", args))!;
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
        Folder.Dispose();
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
