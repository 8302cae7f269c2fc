using Uplink.Tests.Shared;

namespace Uplink.Dicom.Imaging.Tests.Jpeg;

/// <summary>JPEG frames taken from encapsulated Pixel Data with Uplink's own DICOM reader.</summary>
internal static class JpegFrames
{
    /// <summary>The corpus file's path, or skips the test when shared/ is not on this machine.</summary>
    /// <param name="relative">Path under shared/dicom-corpus.</param>
    /// <returns>The full path.</returns>
    public static string Corpus(string relative)
    {
        var corpus = RepositoryLayout.Shared("dicom-corpus");
        var path = corpus is null ? null : Path.Combine(corpus, relative);
        if (path is null || !File.Exists(path))
        {
            Assert.Skip($"shared/dicom-corpus/{relative} was not found above the test folder.");
        }

        return path;
    }

    /// <summary>
    /// Each frame's JPEG stream: one fragment per frame when the counts agree, all fragments for a single frame,
    /// else fragments joined until one ends with EOI. Bytes after EOI (some devices pad with garbage) stay.
    /// </summary>
    /// <param name="path">The DICOM file.</param>
    /// <returns>The frames and the file's Photometric Interpretation.</returns>
    public static (List<byte[]> Frames, string Photometric) Read(string path)
    {
        using var file = DicomFile.Open(path);
        var pixels = Assert.IsType<DicomFragmentSequence>(file.Dataset[DicomTags.PixelData]);
        var count = file.Dataset.GetInt32(DicomTags.NumberOfFrames) ?? 1;
        var fragments = pixels.Fragments.Skip(1).Select(Bytes).ToList();
        var photometric = file.Dataset.GetString(DicomTags.PhotometricInterpretation) ?? string.Empty;
        if (fragments.Count == count)
        {
            return (fragments, photometric);
        }

        if (count == 1)
        {
            return ([[.. fragments.SelectMany(f => f)]], photometric);
        }

        var frames = new List<byte[]>();
        var current = new List<byte>();
        foreach (var fragment in fragments)
        {
            current.AddRange(fragment);
            if (fragment.AsSpan().LastIndexOf([(byte)0xFF, (byte)0xD9]) >= fragment.Length - 4)
            {
                frames.Add([.. current]);
                current.Clear();
            }
        }

        return (frames, photometric);
    }

    private static byte[] Bytes(DicomFragment fragment)
    {
        using var stream = fragment.OpenRead();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
