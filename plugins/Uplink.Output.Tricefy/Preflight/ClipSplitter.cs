using System.Globalization;
using Uplink.Dicom;

namespace Uplink.Output.Tricefy.Preflight;

/// <summary>
/// Splits a multi-frame clip that is over the size limit into consecutive parts under it. Each part is
/// a complete multi-frame instance: its own SOP Instance UID (<see cref="PartUids"/>), its frames and
/// Number of Frames, Frame Time kept and Frame Time Vector sliced, and the standard Concatenation
/// attributes (source UID, Concatenation UID, part number, total, frame offset) so parts stay in order.
/// </summary>
internal static class ClipSplitter
{
    private const long HeaderMargin = 2048;

    /// <summary>Writes the parts into the staging folder, or returns why the clip cannot be split.</summary>
    public static IReadOnlyList<UploadPart>? Split(DicomFile clip, long fileLength, long maxBytes, string instanceKey, string stagingFolder, out string? problem)
    {
        var dataset = clip.Dataset;
        var geometry = PixelGeometry.From(dataset, out problem);
        if (geometry is null)
        {
            return null;
        }

        var frames = SliceFrames(dataset, geometry, out problem);
        if (frames is null)
        {
            return null;
        }

        var pixelBytes = frames.Sum(f => f.Bytes);
        var budget = maxBytes - (fileLength - pixelBytes) - HeaderMargin;
        var groups = Pack(frames, budget);
        if (groups is null)
        {
            problem = $"one frame alone ({frames.Max(f => f.Bytes)} bytes) does not fit in {maxBytes} bytes with the header";
            return null;
        }

        var source = dataset.GetString(DicomTags.SOPInstanceUID) ?? string.Empty;
        var parts = new List<UploadPart>(groups.Count);
        var offset = 0;
        for (var p = 0; p < groups.Count; p++)
        {
            var part = BuildPart(clip, groups[p], source, p + 1, groups.Count, offset);
            var path = Path.Combine(stagingFolder, $"part-{p + 1:D3}.dcm");
            part.Save(path);
            var length = new FileInfo(path).Length;
            if (length > maxBytes)
            {
                problem = $"part {p + 1} of {groups.Count} came out at {length} bytes, over {maxBytes}";
                return null;
            }

            parts.Add(new UploadPart($"{instanceKey}#part-{p + 1}", path, length));
            offset += groups[p].Count;
        }

        return parts;
    }

    private static List<FrameSlice>? SliceFrames(DicomDataset dataset, PixelGeometry geometry, out string? problem)
    {
        problem = null;
        switch (dataset[DicomTags.PixelData])
        {
            case DicomElement native when native.Length >= geometry.FrameBytes * geometry.Frames:
                return [.. Enumerable.Range(0, geometry.Frames).Select(f => FrameSlice.Native(native, f * geometry.FrameBytes, geometry.FrameBytes))];
            case DicomElement native:
                problem = $"its Pixel Data has {native.Length} bytes, fewer than {geometry.Frames} frames of {geometry.FrameBytes}";
                return null;
            case DicomFragmentSequence encapsulated:
                return EncapsulatedFrames.Group(encapsulated, geometry.Frames, out problem)?.Select(FrameSlice.Encapsulated).ToList();
            default:
                problem = "it has no Pixel Data";
                return null;
        }
    }

    private static List<List<FrameSlice>>? Pack(List<FrameSlice> frames, long budget)
    {
        var groups = new List<List<FrameSlice>> { new() };
        long used = 0;
        foreach (var frame in frames)
        {
            if (frame.Bytes + 4 > budget)
            {
                return null;
            }

            if (used + frame.Bytes + 4 > budget)
            {
                groups.Add([]);
                used = 0;
            }

            groups[^1].Add(frame);
            used += frame.Bytes + 4;
        }

        return groups;
    }

    private static DicomFile BuildPart(DicomFile clip, List<FrameSlice> frames, string source, int part, int total, int frameOffset)
    {
        var dataset = clip.Dataset.Clone();
        dataset.AddOrUpdate(DicomTags.SOPInstanceUID, DicomVR.UI, PartUids.Part(source, part));
        dataset.AddOrUpdate(DicomTags.NumberOfFrames, DicomVR.IS, frames.Count.ToString(CultureInfo.InvariantCulture));
        dataset.AddOrUpdate(DicomTags.SOPInstanceUIDOfConcatenationSource, DicomVR.UI, source);
        dataset.AddOrUpdate(DicomTags.ConcatenationUID, DicomVR.UI, PartUids.Concatenation(source));
        dataset.AddOrUpdate(DicomTags.InConcatenationNumber, DicomVR.US, part.ToString(CultureInfo.InvariantCulture));
        dataset.AddOrUpdate(DicomTags.InConcatenationTotalNumber, DicomVR.US, total.ToString(CultureInfo.InvariantCulture));
        dataset.AddOrUpdate(DicomTags.ConcatenationFrameOffsetNumber, DicomVR.UL, frameOffset.ToString(CultureInfo.InvariantCulture));
        dataset.Remove(DicomTags.StartTrim);
        dataset.Remove(DicomTags.StopTrim);
        dataset.Remove(DicomTags.ExtendedOffsetTable);
        dataset.Remove(DicomTags.ExtendedOffsetTableLengths);
        var vector = dataset.GetStrings(DicomTags.FrameTimeVector);
        if (vector.Length > frameOffset)
        {
            var slice = vector.Skip(frameOffset).Take(frames.Count).ToArray();
            slice[0] = "0";
            dataset.AddOrUpdate(DicomTags.FrameTimeVector, DicomVR.DS, string.Join('\\', slice));
        }

        var pixelData = clip.Dataset[DicomTags.PixelData]!;
        dataset.AddOrUpdate(pixelData is DicomFragmentSequence
            ? new DicomFragmentSequence(DicomTags.PixelData, pixelData.VR, [DicomFragment.FromBytes(ReadOnlyMemory<byte>.Empty), .. frames.SelectMany(f => f.Fragments)])
            : FrameSlice.JoinNative(pixelData.VR, frames));
        return new DicomFile(dataset, clip.TransferSyntax);
    }
}
