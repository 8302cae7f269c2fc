using System.Diagnostics;

namespace Uplink.Tests.Shared;

/// <summary>Runs dcmtk tools with Nagle off (TCP_NODELAY=1, see shared/design/peers.md) and skips when they are not installed.</summary>
internal static class DcmtkTool
{
    public static string Require(string name)
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator)
            .Select(folder => Path.Combine(folder, name))
            .FirstOrDefault(File.Exists);
        if (path is null)
        {
            Assert.Skip($"{name} (dcmtk) is not installed on this machine.");
        }

        return path;
    }

    public static ProcessStartInfo StartInfo(string name, params string[] args)
    {
        var info = new ProcessStartInfo(Require(name)) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["TCP_NODELAY"] = "1";
        return info;
    }

    /// <summary>Runs to completion (killed after <paramref name="timeout"/>) and returns exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(TimeSpan timeout, string name, params string[] args)
    {
        using var process = Process.Start(StartInfo(name, args))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timer = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(timer.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
