using System.Diagnostics;

namespace Uplink.Tests.Shared.Imaging;

/// <summary>
/// Runs the <c>tesseract</c> command line on an image and returns the text it reads: the OCR oracle for burned-in
/// text. Where tesseract is not installed, <see cref="AbsentReason"/> says so and tests skip with it.
/// </summary>
internal static class TesseractOracle
{
    private static readonly Lazy<string?> Executable = new(Find);

    /// <summary>Why the oracle cannot run, or null when it can.</summary>
    public static string? AbsentReason => Executable.Value is null ? "tesseract is absent: install tesseract-ocr to run the OCR oracle." : null;

    /// <summary>The text tesseract reads in the image (upper case, lines joined by a newline).</summary>
    /// <param name="imagePath">A PNG file.</param>
    /// <param name="pageSegmentation">Tesseract's --psm (11: sparse text, finds scattered banners).</param>
    /// <returns>The text.</returns>
    public static string Read(string imagePath, int pageSegmentation = 11)
    {
        var executable = Executable.Value ?? throw new InvalidOperationException(AbsentReason);
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(imagePath);
        start.ArgumentList.Add("stdout");
        start.ArgumentList.Add("--psm");
        start.ArgumentList.Add(pageSegmentation.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var process = Process.Start(start) ?? throw new InvalidOperationException("tesseract did not start.");
        var error = process.StandardError.ReadToEndAsync();
        var text = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"tesseract took over a minute on {imagePath}.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"tesseract failed with exit code {process.ExitCode}: {error.Result}");
        }

        return text.ToUpperInvariant();
    }

    /// <summary>The text with white space removed, so "DOE ^ JANE" and "DOE^JANE" compare alike.</summary>
    /// <param name="text">The text read.</param>
    /// <returns>The squeezed text.</returns>
    public static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    private static string? Find()
    {
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
        {
            foreach (var name in new[] { "tesseract", "tesseract.exe" })
            {
                var candidate = Path.Combine(folder, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
