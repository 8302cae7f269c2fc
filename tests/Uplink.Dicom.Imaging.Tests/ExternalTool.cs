using System.Diagnostics;

namespace Uplink.Dicom.Imaging.Tests;

/// <summary>Runs a command line tool (dcmtk) found on PATH; tests skip with <see cref="AbsentReason"/> when it is not.</summary>
internal static class ExternalTool
{
    public static string? AbsentReason(string name)
        => (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator).Any(folder => File.Exists(Path.Combine(folder, name)))
            ? null
            : $"{name} is absent: install dcmtk to compare with it.";

    public static void Run(string name, params string[] arguments)
    {
        var start = new ProcessStartInfo(name) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{name} {string.Join(' ', arguments)} failed ({process.ExitCode}): {error.Result}");
        }
    }
}
