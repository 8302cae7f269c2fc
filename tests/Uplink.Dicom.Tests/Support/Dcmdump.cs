using System.Diagnostics;

namespace Uplink.Dicom.Tests.Support;

/// <summary>Runs dcmtk's dcmdump on a file (the peer that must agree with what Uplink writes).</summary>
public static class Dcmdump
{
    private static readonly Lazy<string?> Executable = new(() =>
        Environment.GetEnvironmentVariable("PATH")?.Split(':').Select(d => Path.Combine(d, "dcmdump")).FirstOrDefault(File.Exists));

    /// <summary>Skips the test when dcmdump is not installed.</summary>
    public static void Require()
    {
        if (Executable.Value is null)
        {
            Assert.Skip("dcmdump (dcmtk) is not installed: apt-get install dcmtk");
        }
    }

    /// <summary>Runs dcmdump and returns its exit code and combined output.</summary>
    public static (int ExitCode, string Output) Run(params string[] args)
    {
        Require();
        var start = new ProcessStartInfo(Executable.Value!) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output.Result + error);
    }
}
