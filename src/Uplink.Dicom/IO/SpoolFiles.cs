using System.Collections.Concurrent;

namespace Uplink.Dicom.IO;

/// <summary>Temporary files that hold spooled streams and inflated datasets; deleted when the process exits.</summary>
internal static class SpoolFiles
{
    private static readonly ConcurrentBag<string> Created = [];

    static SpoolFiles()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            foreach (var path in Created)
            {
                try
                {
                    File.Delete(path);
                }
                catch (IOException)
                {
                    // Best effort: a file still open elsewhere stays for the OS temp cleaner.
                }
                catch (UnauthorizedAccessException)
                {
                    // Same.
                }
            }
        };
    }

    /// <summary>Creates an empty temporary file and returns its path.</summary>
    public static string Create()
    {
        var folder = Path.Combine(Path.GetTempPath(), "uplink-dicom-spool");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, Guid.NewGuid().ToString("N") + ".tmp");
        File.Create(path).Dispose();
        Created.Add(path);
        return path;
    }
}
