using System.Diagnostics;

namespace Uplink.Plugins.Tests.Support;

/// <summary>Runs installed peer tools (dcmtk, dicom3tools); tests skip with the reason when one is missing.</summary>
internal static class Peers
{
    /// <summary>The full path of a tool on PATH, or skips the test.</summary>
    public static string Require(string tool)
    {
        var found = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, tool))
            .FirstOrDefault(File.Exists);
        if (found is null)
        {
            Assert.Skip($"'{tool}' is not installed (dcmtk / dicom3tools peer); install it to run this test.");
        }

        return found!;
    }

    /// <summary>Runs a tool and returns its exit code and combined output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(Require(tool)) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output + await error);
    }
}
