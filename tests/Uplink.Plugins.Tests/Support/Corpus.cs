using Uplink.Dicom;
using Uplink.Plugins.Abstractions.Outputs;

namespace Uplink.Plugins.Tests.Support;

/// <summary>
/// The shared corpus of real DICOM files: found by walking up from the test's folder to
/// <c>shared/dicom-corpus</c> (the workplace and CI both lay it out that way); tests skip when absent.
/// </summary>
internal static class Corpus
{
    private static readonly Lazy<string?> Root = new(() => Uplink.Tests.Shared.RepositoryLayout.Shared("dicom-corpus"));

    /// <summary>The full path of a corpus file, or skips the test saying why.</summary>
    public static string File(string relative)
    {
        var path = Root.Value is { } root ? Path.Combine(root, relative) : null;
        if (path is null || !System.IO.File.Exists(path))
        {
            Assert.Skip($"The shared DICOM corpus file '{relative}' is not here (looked for shared/dicom-corpus above {AppContext.BaseDirectory}).");
        }

        return path!;
    }

    /// <summary>An outbound instance for a file, with its UIDs read by the codec.</summary>
    public static OutboundInstance Instance(string path, string shareId = "share-c")
    {
        var file = DicomFile.Open(path);
        var sop = file.Dataset.GetString(DicomTags.SOPInstanceUID)!;
        return new OutboundInstance(
            shareId,
            $"{shareId}/{sop}",
            path,
            new FileInfo(path).Length,
            file.Dataset.GetString(DicomTags.SOPClassUID)!,
            sop,
            file.Dataset.GetString(DicomTags.StudyInstanceUID) ?? "2.25.1",
            file.Dataset.GetString(DicomTags.SeriesInstanceUID) ?? "2.25.2",
            file.TransferSyntax.Uid);
    }
}
