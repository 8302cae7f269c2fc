using System.Collections.Concurrent;

namespace Uplink.Dicom.IO;

/// <summary>
/// Temporary files that hold spooled streams and inflated datasets. The <see cref="DicomFile"/> that made one
/// deletes it when disposed; whatever is left (a file never disposed) is deleted when the process exits.
/// </summary>
internal static class SpoolFiles
{
    private static readonly ConcurrentDictionary<string, byte> Live = new(StringComparer.Ordinal);

    static SpoolFiles() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        foreach (var path in Live.Keys)
        {
            Delete(path);
        }
    };

    /// <summary>Creates an empty temporary file and returns its path.</summary>
    public static string Create()
    {
        var folder = Path.Combine(Path.GetTempPath(), "uplink-dicom-spool");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, Guid.NewGuid().ToString("N") + ".tmp");
        File.Create(path).Dispose();
        Live[path] = 0;
        return path;
    }

    /// <summary>Deletes a temporary file; one still open elsewhere stays for the exit sweep or the OS temp cleaner.</summary>
    public static void Delete(string path)
    {
        try
        {
            File.Delete(path);
            Live.TryRemove(path, out _);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Best effort, as the summary says.
        }
    }
}
