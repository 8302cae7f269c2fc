namespace Uplink.Dicom.Network.Associations;

/// <summary>Names and removes the spool files that received data sets stream into.</summary>
internal static class TemporaryFiles
{
    public static string NewPath(string directory) => Path.Combine(directory, DicomServer.SpoolFilePattern.Replace("*", Guid.NewGuid().ToString("N"), StringComparison.Ordinal));

    public static void TryDelete(string? path)
    {
        if (path is null)
        {
            return;
        }

        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Left for the folder's own cleanup; a failed delete must not turn into a failed association.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
