namespace Uplink.Dicom.IO;

/// <summary>The file that bulk references of one read share, so they can follow it when a save moves it aside.</summary>
internal sealed class BulkSource(string path)
{
    /// <summary>The file's current path.</summary>
    public string Path { get; set; } = path;
}
