using System.Diagnostics;
using System.Globalization;

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
        var port = LoopbackPort.Free();
        string[] args = ["-aet", AeTitle, "+xa", "-pm", "+B", "-dhl", "-fe", ".dcm", "-od", folder, .. extra, port.ToString(CultureInfo.InvariantCulture)];
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info)!;
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        var peer = new StorescpPeer(process, port, folder);
        await LoopbackPort.WaitUntilListeningAsync(peer._process, peer.Port, "storescp");
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
}
