using System.Diagnostics;

namespace Uplink.Dicom.Imaging.Tests.Jpeg;

/// <summary>Runs an installed tool (dcmtk) or skips the test with the reason when it is absent.</summary>
internal static class ExternalTool
{
    public static string Require(string name)
    {
        var path = Environment.GetEnvironmentVariable("PATH")?.Split(Path.PathSeparator).Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);
        if (path is null)
        {
            Assert.Skip($"{name} (dcmtk) is not installed: apt-get install dcmtk");
        }

        return path;
    }

    public static (int ExitCode, string Output) Run(string name, params string[] args)
    {
        var start = new ProcessStartInfo(Require(name)) { RedirectStandardOutput = true, RedirectStandardError = true };
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
