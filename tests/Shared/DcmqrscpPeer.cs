using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Uplink.Tests.Shared;

/// <summary>
/// dcmtk dcmqrscp as a Query/Retrieve archive (FIND, MOVE, GET) on a free loopback port: its config file and
/// database in a temporary folder, the loopback-bind shim so it listens on 127.0.0.1 only (forking per association:
/// 3.6.7 crashes after one association with --single-process), TCP_NODELAY=1. Move destinations go in its host table.
/// Killed with its children and its folder deleted on dispose.
/// </summary>
internal sealed class DcmqrscpPeer : IAsyncDisposable
{
    public const string AeTitle = "ARCHIVE";

    private readonly Process _process;
    private bool _disposed;

    private DcmqrscpPeer(Process process, int port, string folder)
    {
        _process = process;
        Port = port;
        Folder = folder;
    }

    public int Port { get; }

    public string Folder { get; }

    /// <summary>The instances dcmqrscp keeps (Part 10 files in its database folder).</summary>
    public string[] StoredFiles() => Directory.GetFiles(Path.Combine(Folder, "db"), "*.dcm");

    /// <summary>Starts dcmqrscp; <paramref name="moveDestinations"/> maps AE titles it may C-MOVE to onto loopback ports.</summary>
    public static async Task<DcmqrscpPeer> StartAsync(IReadOnlyDictionary<string, int>? moveDestinations = null, params string[] extra)
    {
        var info = DcmtkTool.StartInfo("dcmqrscp");
        var folder = Directory.CreateTempSubdirectory("uplink-dcmqrscp-").FullName;
        try
        {
            info.Environment["LD_PRELOAD"] = await LoopbackShim.BuildOrSkipAsync(folder);
            var database = Directory.CreateDirectory(Path.Combine(folder, "db")).FullName;
            var port = LoopbackPort.Free();
            var config = Path.Combine(folder, "dcmqrscp.cfg");
            await File.WriteAllTextAsync(config, Config(port, database, moveDestinations ?? new Dictionary<string, int>()));
            foreach (var arg in (string[])["-c", config, "-dhl", .. extra, port.ToString(CultureInfo.InvariantCulture)])
            {
                info.ArgumentList.Add(arg);
            }

            var process = Process.Start(info)!;
            _ = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            var peer = new DcmqrscpPeer(process, port, folder);
            await LoopbackPort.WaitUntilListeningAsync(peer._process, peer.Port, "dcmqrscp");
            return peer;
        }
        catch
        {
            Directory.Delete(folder, recursive: true);
            throw;
        }
    }

    /// <summary>Loads files into the archive (dcmsend, each file in its own transfer syntax).</summary>
    public async Task LoadAsync(params string[] files)
    {
        var (exitCode, output) = await DcmtkTool.RunAsync(TimeSpan.FromSeconds(60), "dcmsend", ["-aet", "LOADER", "-aec", AeTitle, "127.0.0.1", Port.ToString(CultureInfo.InvariantCulture), .. files]);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"dcmsend into dcmqrscp failed ({exitCode}): {output}");
        }
    }

    /// <summary>Stops the archive (a test may do so early, to prove what is then served locally); a second call does nothing.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
        Directory.Delete(Folder, recursive: true);
    }

    private static string Config(int port, string database, IReadOnlyDictionary<string, int> destinations)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"NetworkTCPPort = {port}");
        text.AppendLine("MaxPDUSize = 16384");
        text.AppendLine("MaxAssociations = 16");
        text.AppendLine("HostTable BEGIN");
        var index = 0;
        foreach (var (ae, destinationPort) in destinations)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"destination{index++} = ({ae}, 127.0.0.1, {destinationPort})");
        }

        text.AppendLine("HostTable END");
        text.AppendLine("VendorTable BEGIN");
        text.AppendLine("VendorTable END");
        text.AppendLine("AETable BEGIN");
        text.AppendLine(CultureInfo.InvariantCulture, $"{AeTitle} {database} RW (200, 1024mb) ANY");
        text.AppendLine("AETable END");
        return text.ToString();
    }
}
