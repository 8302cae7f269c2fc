using System.Globalization;
using Uplink.Dicom;

namespace Uplink.Core.Anonymization.Shaping;

/// <summary>The attributes a clip part may differ in from its clip, shared by the splitter and the shaping verifier.</summary>
internal static class PartAttributes
{
    /// <summary>Attributes a part sets to its own values.</summary>
    public static readonly IReadOnlySet<DicomTag> Set = new HashSet<DicomTag>
    {
        DicomTags.SOPInstanceUID,
        DicomTags.NumberOfFrames,
        DicomTags.SOPInstanceUIDOfConcatenationSource,
        DicomTags.ConcatenationUID,
        DicomTags.InConcatenationNumber,
        DicomTags.InConcatenationTotalNumber,
        DicomTags.ConcatenationFrameOffsetNumber,
        DicomTags.FrameTimeVector,
    };

    /// <summary>Attributes that describe the whole clip and are dropped from a part (trim points, the extended offset table).</summary>
    public static readonly IReadOnlyList<DicomTag> Dropped =
        [DicomTags.StartTrim, DicomTags.StopTrim, DicomTags.ExtendedOffsetTable, DicomTags.ExtendedOffsetTableLengths];

    /// <summary>The part's Frame Time Vector: the clip's, sliced to the part's frames, its first increment 0.</summary>
    /// <param name="clip">The clip's dataset.</param>
    /// <param name="part">The part.</param>
    /// <returns>The value, or null when the clip has no vector covering the part.</returns>
    public static string? FrameTimeVectorOf(DicomDataset clip, ClipPart part)
    {
        var vector = clip.GetStrings(DicomTags.FrameTimeVector);
        if (vector.Length <= part.FrameOffset)
        {
            return null;
        }

        var slice = vector.Skip(part.FrameOffset).Take(part.FrameCount).ToArray();
        slice[0] = "0";
        return string.Join('\\', slice);
    }

    /// <summary>The value a part must hold for an attribute of <see cref="Set"/>.</summary>
    /// <param name="tag">The attribute.</param>
    /// <param name="clip">The clip's dataset.</param>
    /// <param name="part">The part.</param>
    /// <returns>The expected value as text, or null when the part must not have it.</returns>
    public static string? Expected(DicomTag tag, DicomDataset clip, ClipPart part)
    {
        var source = clip.GetString(DicomTags.SOPInstanceUID) ?? string.Empty;
        return tag switch
        {
            _ when tag == DicomTags.SOPInstanceUID => PartUids.Part(source, part.Number),
            _ when tag == DicomTags.NumberOfFrames => Number(part.FrameCount),
            _ when tag == DicomTags.SOPInstanceUIDOfConcatenationSource => source,
            _ when tag == DicomTags.ConcatenationUID => PartUids.Concatenation(source),
            _ when tag == DicomTags.InConcatenationNumber => Number(part.Number),
            _ when tag == DicomTags.InConcatenationTotalNumber => Number(part.Total),
            _ when tag == DicomTags.ConcatenationFrameOffsetNumber => Number(part.FrameOffset),
            _ => FrameTimeVectorOf(clip, part),
        };
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
