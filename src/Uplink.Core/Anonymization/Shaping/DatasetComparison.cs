using Uplink.Core.Anonymization.Verification;
using Uplink.Dicom;

namespace Uplink.Core.Anonymization.Shaping;

/// <summary>
/// Holds a shaped dataset to the verified one: every attribute equal (tag, VR and value bytes, sequences item by
/// item) except Pixel Data, which the frame check covers, and the attributes a caller allows to differ.
/// Findings name tags, never values.
/// </summary>
internal static class DatasetComparison
{
    /// <summary>Compares the top level and everything nested.</summary>
    /// <param name="verified">The verified dataset.</param>
    /// <param name="shaped">The shaped dataset.</param>
    /// <param name="mayDiffer">Top-level attributes checked elsewhere.</param>
    /// <param name="violations">Where findings go.</param>
    public static void Compare(DicomDataset verified, DicomDataset shaped, IReadOnlySet<DicomTag> mayDiffer, List<string> violations)
    {
        var tags = verified.Select(i => i.Tag).Concat(shaped.Select(i => i.Tag))
            .Where(t => t != DicomTags.PixelData && !mayDiffer.Contains(t) && !IsGroupLength(t)).Distinct().Order();
        foreach (var tag in tags)
        {
            if (!Same(verified[tag], shaped[tag]))
            {
                violations.Add($"{TagNames.Describe(tag)} differs from the verified file's");
            }
        }
    }

    private static bool Same(DicomItem? verified, DicomItem? shaped) => (verified, shaped) switch
    {
        (null, null) => true,
        (DicomElement a, DicomElement b) => a.VR == b.VR && SameBytes(a, b),
        (DicomSequence a, DicomSequence b) => a.Items.Count == b.Items.Count && a.Items.Zip(b.Items).All(p => SameDataset(p.First, p.Second)),
        (DicomFragmentSequence a, DicomFragmentSequence b) => a.Fragments.Count == b.Fragments.Count
            && a.Fragments.Zip(b.Fragments).All(p => SameStreams(p.First.OpenRead(), p.First.Length, p.Second.OpenRead(), p.Second.Length)),
        _ => false,
    };

    private static bool SameDataset(DicomDataset a, DicomDataset b)
    {
        var left = a.Where(i => !IsGroupLength(i.Tag)).ToList();
        var right = b.Where(i => !IsGroupLength(i.Tag)).ToList();
        return left.Count == right.Count && left.Zip(right).All(p => p.First.Tag == p.Second.Tag && Same(p.First, p.Second));
    }

    // Group lengths (gggg,0000) are retired and the writer leaves them out: their absence changes no value.
    private static bool IsGroupLength(DicomTag tag) => tag.Element == 0;

    // The writer pads odd values to even length: a value and its padded copy are the same value.
    private static bool SameBytes(DicomElement a, DicomElement b) =>
        !a.IsBulk && !b.IsBulk
            ? Trimmed(a.Bytes.Span, a.Length, b.Length).SequenceEqual(Trimmed(b.Bytes.Span, b.Length, a.Length))
            : SameStreams(a.OpenValue(), a.Length, b.OpenValue(), b.Length);

    private static ReadOnlySpan<byte> Trimmed(ReadOnlySpan<byte> value, long length, long other) =>
        length == other + 1 && length % 2 == 0 ? value[..^1] : value;

    private static bool SameStreams(Stream a, long aLength, Stream b, long bLength)
    {
        using (a)
        using (b)
        {
            var length = Math.Min(aLength, bLength);
            if (Math.Abs(aLength - bLength) > 1 || (aLength != bLength && Math.Max(aLength, bLength) % 2 == 1))
            {
                return false;
            }

            var left = new byte[1 << 16];
            var right = new byte[1 << 16];
            for (long done = 0; done < length;)
            {
                var count = (int)Math.Min(left.Length, length - done);
                a.ReadExactly(left, 0, count);
                b.ReadExactly(right, 0, count);
                if (!left.AsSpan(0, count).SequenceEqual(right.AsSpan(0, count)))
                {
                    return false;
                }

                done += count;
            }

            return true;
        }
    }
}
