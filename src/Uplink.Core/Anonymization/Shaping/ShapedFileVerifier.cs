using Uplink.Core.Anonymization.Verification;
using Uplink.Dicom;
using Uplink.Dicom.Imaging;

namespace Uplink.Core.Anonymization.Shaping;

/// <summary>
/// The independent check of a shaped file before it may leave, on the bytes written: it parses again; its
/// dataset equals the verified file's except the transfer syntax, the pixel encoding and, for a clip part, the
/// attributes of <see cref="PartAttributes"/> at the values the documented rule gives; its frames are exactly
/// the verified file's (byte for byte once decoded: the conversions are lossless); and the identity-leak scan
/// finds none of the source's identifying values in it.
/// </summary>
internal static class ShapedFileVerifier
{
    /// <summary>Verifies one shaped file.</summary>
    /// <param name="shapedPath">The shaped file on disk.</param>
    /// <param name="verified">The verified instance it was shaped from.</param>
    /// <param name="part">The part it should be, or null for a whole instance.</param>
    /// <param name="leaks">The source and remapper for the leak scan, or null when the source is no longer available.</param>
    /// <returns>What is wrong; empty when it may be sent.</returns>
    public static IReadOnlyList<string> Verify(string shapedPath, DicomFile verified, ClipPart? part, ShapingLeakCheck? leaks)
    {
        var violations = new List<string>();
        using var written = WrittenOutput.Open(shapedPath);
        DicomFile shaped;
        try
        {
            shaped = written.Parse(shapedPath);
        }
        catch (DicomFormatException e)
        {
            return [$"it does not parse again: {e.Message}"];
        }

        using (shaped)
        {
            DatasetComparison.Compare(verified.Dataset, shaped.Dataset, part is null ? Unchanged : PartAttributes.Set.Union(PartAttributes.Dropped).ToHashSet(), violations);
            if (part is not null)
            {
                CheckPartAttributes(verified.Dataset, shaped.Dataset, part, violations);
            }

            CheckFrames(verified, shaped, part, violations);
            if (leaks is not null)
            {
                IdentityLeakScan.Scan(written, shaped, leaks.Source, ValuesOf(verified.Dataset), leaks.Uids, violations);
            }
        }

        return violations;
    }

    private static readonly IReadOnlySet<DicomTag> Unchanged = new HashSet<DicomTag> { DicomTags.ExtendedOffsetTable, DicomTags.ExtendedOffsetTableLengths };

    private static void CheckPartAttributes(DicomDataset verified, DicomDataset shaped, ClipPart part, List<string> violations)
    {
        foreach (var tag in PartAttributes.Set)
        {
            if (!string.Equals(shaped.GetString(tag)?.TrimEnd('\0', ' '), PartAttributes.Expected(tag, verified, part), StringComparison.Ordinal))
            {
                violations.Add($"{TagNames.Describe(tag)} is not what part {part.Number} of {part.Total} must hold");
            }
        }

        foreach (var tag in PartAttributes.Dropped.Where(shaped.Contains))
        {
            violations.Add($"{TagNames.Describe(tag)} describes the whole clip but is in part {part.Number}");
        }
    }

    private static void CheckFrames(DicomFile verified, DicomFile shaped, ClipPart? part, List<string> violations)
    {
        try
        {
            using var expected = FrameSource.Open(verified);
            using var actual = FrameSource.Open(shaped);
            var offset = part?.FrameOffset ?? 0;
            var count = part?.FrameCount ?? expected.FrameCount;
            if (actual.FrameCount != count || offset + count > expected.FrameCount)
            {
                violations.Add($"it holds {actual.FrameCount} frames where {count} were expected");
                return;
            }

            if (actual.TrailingBytes > 1)
            {
                violations.Add($"its Pixel Data has {actual.TrailingBytes} bytes after the last frame");
            }

            for (var f = 0; f < count; f++)
            {
                // Compressed frames are compared as their bytes, decoded ones as native samples: both must be identical.
                if (!expected.Read(offset + f).Span.SequenceEqual(actual.Read(f).Span))
                {
                    violations.Add($"frame {f} differs from frame {offset + f} of the verified file");
                    return;
                }
            }
        }
        catch (PixelDataException e)
        {
            violations.Add($"its frames cannot be compared with the verified file's: {e.Message}");
        }
    }

    // Values the verified output holds were accepted by the verifier: a source value equal to one is not a new leak.
    private static HashSet<string> ValuesOf(DicomDataset dataset)
    {
        var values = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in dataset)
        {
            if (item is DicomSequence sequence)
            {
                sequence.Items.SelectMany(ValuesOf).ToList().ForEach(v => values.Add(v));
            }
            else if (item is DicomElement { IsBulk: false })
            {
                foreach (var value in (dataset.GetString(item.Tag) ?? string.Empty).Split('\\', '^', '='))
                {
                    values.Add(value.Trim('\0', ' '));
                }
            }
        }

        return values;
    }
}
