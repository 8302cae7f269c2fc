using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;

namespace Uplink.Host.Tests.EndToEnd.Support;

/// <summary>
/// The real <c>uplink run</c> as a separate process, started from the built host folder (with its
/// published plugins), its standard output and error kept for inspection. Kill it like an operator's
/// <c>kill -9</c> would.
/// </summary>
internal sealed class UplinkProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines;

    private UplinkProcess(Process process, ConcurrentQueue<string> lines)
    {
        _process = process;
        _lines = lines;
    }

    /// <summary>The folder holding the built <c>uplink</c> and its <c>plugins/</c>.</summary>
    public static string HostFolder => typeof(UplinkProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "UplinkHostFolder").Value!;

    /// <summary>Every line the process wrote to standard output or error so far.</summary>
    public IReadOnlyCollection<string> Output => _lines;

    /// <summary>The process id.</summary>
    public int Id => _process.Id;

    /// <summary>Starts <c>uplink run --config FILE</c>.</summary>
    /// <param name="configPath">The configuration file.</param>
    /// <param name="lines">Where output lines go (shared across restarts, so a test sees every run's).</param>
    /// <returns>The running process.</returns>
    public static UplinkProcess Run(string configPath, ConcurrentQueue<string>? lines = null) =>
        Start(Path.GetDirectoryName(configPath)!, ["run", "--config", configPath], lines);

    /// <summary>Starts <c>uplink</c> with any arguments.</summary>
    /// <param name="workingDirectory">The process's working folder.</param>
    /// <param name="args">The verb and its arguments.</param>
    /// <param name="lines">Where output lines go.</param>
    /// <returns>The running process.</returns>
    public static UplinkProcess Start(string workingDirectory, IReadOnlyList<string> args, ConcurrentQueue<string>? lines = null)
    {
        lines ??= new ConcurrentQueue<string>();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add(Path.Combine(HostFolder, "uplink.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Keep(lines, e.Data);
        process.ErrorDataReceived += (_, e) => Keep(lines, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new UplinkProcess(process, lines);
    }

    /// <summary>Waits for the process to end on its own, and for its output to be read.</summary>
    /// <param name="timeout">The longest wait; the process is killed after it.</param>
    /// <returns>The exit code, or null when it had to be killed.</returns>
    public int? WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
        {
            Kill();
            return null;
        }

        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <summary>Kills the process at once (SIGKILL on Unix), without any chance to clean up.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.WaitForExit();
    }

    /// <summary>The process's peak resident memory (VmHWM), when the platform reports it.</summary>
    /// <returns>Bytes, or null.</returns>
    public long? PeakMemoryBytes()
    {
        var status = $"/proc/{_process.Id}/status";
        if (!File.Exists(status))
        {
            return null;
        }

        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? null : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
    }

    /// <summary>Stops the process politely (SIGTERM) and waits for it.</summary>
    public void Stop()
    {
        if (_process.HasExited)
        {
            return;
        }

        using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            term.WaitForExit();
        }

        if (!_process.WaitForExit(TimeSpan.FromSeconds(20)))
        {
            Kill();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private static void Keep(ConcurrentQueue<string> lines, string? line)
    {
        if (line is not null)
        {
            lines.Enqueue(line);
        }
    }
}
