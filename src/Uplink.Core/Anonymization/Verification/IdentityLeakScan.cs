using Uplink.Dicom;
using Uplink.Plugins.Abstractions.Profiles;

namespace Uplink.Core.Anonymization.Verification;

/// <summary>
/// Searches the bytes of a written output, everywhere but inside Pixel Data, for the source's identifying
/// values. Applies to every profile that claims to remove identity, whatever rules it declares. The one match
/// it excuses: a purely numeric value found inside a UID the remapper produced, as a UI element's value.
/// </summary>
internal static class IdentityLeakScan
{
    private const int ChunkSize = 1 << 20;

    /// <summary>Bytes read before each chunk so that a UI element's header before a match is in view.</summary>
    private const int Lookback = 1024;

    /// <summary>Scans the file and adds one violation per source tag whose value was found.</summary>
    /// <param name="written">The written output, read back.</param>
    /// <param name="output">The same output, parsed.</param>
    /// <param name="source">The source instance.</param>
    /// <param name="dictated">Values the output legitimately holds because the profile dictates them (a source value equal to one is not a leak).</param>
    /// <param name="uids">The remapper the profile was given, to recognise the UIDs it produced.</param>
    /// <param name="violations">Where findings go; they name tags and offsets, never values.</param>
    public static void Scan(WrittenOutput written, DicomFile output, DicomFile source, IReadOnlySet<string> dictated, IUidRemapper uids, List<string> violations)
    {
        var needles = LeakNeedles.For(source, dictated, output.Dataset.SpecificCharacterSet);
        if (needles.Count == 0)
        {
            return;
        }

        var length = written.Length;
        var ranges = PixelDataSpan.Find(written, output) is { } pixels
            ? new[] { (0L, pixels.Start), (pixels.End, length) }
            : [(0L, length)];
        var remapped = new Lazy<RemappedUids>(() => RemappedUids.For(source, uids));
        var reported = new HashSet<DicomTag>();
        var overlap = needles.Max(n => n.Bytes.Length) - 1;
        var buffer = new byte[(int)Math.Min(ChunkSize, ranges.Max(r => r.Item2 - r.Item1)) + overlap + Lookback];
        foreach (var (start, end) in ranges)
        {
            for (var position = start; position < end; position += ChunkSize)
            {
                // matches must start in [position, position + ChunkSize); the window reaches back for headers and on for overlap
                var from = Math.Max(start, position - Lookback);
                var window = buffer.AsSpan(0, written.ReadAt(from, buffer.AsSpan(0, (int)(Math.Min(end, position + ChunkSize + overlap) - from))));
                var first = (int)(position - from);
                var last = (int)(Math.Min(end, position + ChunkSize) - from);
                foreach (var needle in needles)
                {
                    if (!reported.Contains(needle.Tag) && FindLeak(window, first, last, needle, remapped) is var at and >= 0)
                    {
                        reported.Add(needle.Tag);
                        violations.Add($"a value of the source's {TagNames.Describe(needle.Tag)} appears in the output at byte {from + at}");
                    }
                }
            }
        }
    }

    private static int FindLeak(ReadOnlySpan<byte> window, int first, int last, LeakNeedle needle, Lazy<RemappedUids> remapped)
    {
        for (var searchFrom = first; searchFrom < last;)
        {
            var found = window[searchFrom..].IndexOf(needle.Bytes);
            if (found < 0 || searchFrom + found >= last)
            {
                return -1;
            }

            var at = searchFrom + found;
            if (!needle.IsNumeric || !remapped.Value.Covers(window, at, needle.Bytes.Length))
            {
                return at;
            }

            searchFrom = at + 1;
        }

        return -1;
    }
}
