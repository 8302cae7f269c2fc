using Uplink.Dicom;

namespace Uplink.Core.Anonymization.Verification;

/// <summary>
/// Searches the bytes of a written output, everywhere but inside Pixel Data, for the source's identifying
/// values. Applies to every profile that claims to remove identity, whatever rules it declares.
/// </summary>
internal static class IdentityLeakScan
{
    private const int ChunkSize = 1 << 20;

    /// <summary>Scans the file and adds one violation per source tag whose value was found.</summary>
    /// <param name="path">The written output.</param>
    /// <param name="output">The same output, parsed.</param>
    /// <param name="source">The source instance.</param>
    /// <param name="dictated">Values the output legitimately holds because the profile dictates them (a source value equal to one is not a leak).</param>
    /// <param name="violations">Where findings go; they name tags and offsets, never values.</param>
    public static void Scan(string path, DicomFile output, DicomFile source, IReadOnlySet<string> dictated, List<string> violations)
    {
        var characterSet = output.Dataset.SpecificCharacterSet;
        var needles = IdentityValues.Collect(source)
            .Where(v => !dictated.Contains(v.Value))
            .SelectMany(v => NeedleEncoder.Encode(v.Value, v.Raw, characterSet).Select(bytes => (v.Tag, Bytes: bytes)))
            .DistinctBy(n => (n.Tag, Convert.ToHexString(n.Bytes)))
            .ToList();
        if (needles.Count == 0)
        {
            return;
        }

        var length = new FileInfo(path).Length;
        var ranges = PixelDataSpan.Find(path, output) is { } pixels
            ? new[] { (0L, pixels.Start), (pixels.End, length) }
            : [(0L, length)];
        var reported = new HashSet<DicomTag>();
        var overlap = needles.Max(n => n.Bytes.Length) - 1;
        using var stream = File.OpenRead(path);
        var buffer = new byte[(int)Math.Min(ChunkSize, ranges.Max(r => r.Item2 - r.Item1)) + overlap];
        foreach (var (start, end) in ranges)
        {
            for (var position = start; position < end; position += ChunkSize)
            {
                var count = (int)Math.Min(buffer.Length, end - position);
                stream.Position = position;
                stream.ReadExactly(buffer, 0, count);
                var window = buffer.AsSpan(0, count);
                foreach (var (tag, bytes) in needles)
                {
                    var at = window.IndexOf(bytes);
                    if (at >= 0 && reported.Add(tag))
                    {
                        violations.Add($"a value of the source's {TagNames.Describe(tag)} appears in the output at byte {position + at}");
                    }
                }
            }
        }
    }
}
