using System.Globalization;
using Uplink.Dicom;
using Uplink.Dicom.Imaging;

namespace Uplink.Core.Anonymization.Shaping;

/// <summary>
/// Splits a multi-frame clip that is over the size limit into consecutive parts under it. Each part is a complete
/// multi-frame instance: its own SOP Instance UID (<see cref="PartUids"/>), its frames and Number of Frames, Frame
/// Time kept and Frame Time Vector sliced, and the standard Concatenation attributes (source UID, Concatenation
/// UID, part number, total, frame offset) so parts stay in order. Native frames are slices of the clip's bulk
/// value on disk and encapsulated frames keep their fragments: no frame is held in memory.
/// </summary>
internal static class ClipSplitter
{
    // Room for the attributes a part gains (concatenation UIDs and numbers) and item headers.
    private const long HeaderMargin = 2048;
    private const int ItemHeader = 8;

    /// <summary>Writes the parts into <paramref name="folder"/>.</summary>
    /// <param name="clip">The clip, in the transfer syntax it is sent in.</param>
    /// <param name="fileLength">The clip's file length.</param>
    /// <param name="maxBytes">The largest file the output takes.</param>
    /// <param name="folder">Where the parts go.</param>
    /// <returns>The parts in order.</returns>
    /// <exception cref="PixelDataException">The clip cannot be split; the message says why.</exception>
    public static IReadOnlyList<ClipPart> Split(DicomFile clip, long fileLength, long maxBytes, string folder)
    {
        var dataset = clip.Dataset;
        using var frames = FrameSource.Open(clip);
        var sizes = FrameSizes(dataset, frames);
        var budget = maxBytes - (fileLength - sizes.Sum()) - HeaderMargin;
        var groups = Pack(sizes, budget)
            ?? throw new PixelDataException($"one frame alone ({sizes.Max()} bytes) does not fit in {maxBytes} bytes with the header");
        var source = dataset.GetString(DicomTags.SOPInstanceUID) ?? string.Empty;
        var parts = new List<ClipPart>(groups.Count);
        var offset = 0;
        for (var p = 0; p < groups.Count; p++)
        {
            var part = new ClipPart(p + 1, groups.Count, offset, groups[p], Path.Combine(folder, $"part-{p + 1:D3}.dcm"));
            Build(clip, frames, source, part).Save(part.Path);
            var length = new FileInfo(part.Path).Length;
            if (length > maxBytes)
            {
                throw new PixelDataException($"part {part.Number} of {part.Total} came out at {length} bytes, over {maxBytes}");
            }

            parts.Add(part);
            offset += groups[p];
        }

        return parts;
    }

    private static long[] FrameSizes(DicomDataset dataset, FrameSource frames)
    {
        if (dataset[DicomTags.PixelData] is DicomElement)
        {
            var frameLength = FrameLayout.Of(dataset).FrameLength;
            return [.. Enumerable.Repeat(frameLength, frames.FrameCount)];
        }

        return [.. Enumerable.Range(0, frames.FrameCount).Select(f => frames.FragmentsOf(f)!.Sum(x => x.Length + ItemHeader))];
    }

    private static List<int>? Pack(long[] sizes, long budget)
    {
        var groups = new List<int> { 0 };
        long used = 0;
        foreach (var size in sizes)
        {
            // Each frame's offset-table entry is 4 bytes, counted with the frame.
            if (size + 4 > budget)
            {
                return null;
            }

            if (used + size + 4 > budget)
            {
                groups.Add(0);
                used = 0;
            }

            groups[^1]++;
            used += size + 4;
        }

        return groups;
    }

    private static DicomFile Build(DicomFile clip, FrameSource frames, string source, ClipPart part)
    {
        var dataset = clip.Dataset.Clone();
        dataset.AddOrUpdate(DicomTags.SOPInstanceUID, DicomVR.UI, PartUids.Part(source, part.Number));
        dataset.AddOrUpdate(DicomTags.NumberOfFrames, DicomVR.IS, part.FrameCount.ToString(CultureInfo.InvariantCulture));
        dataset.AddOrUpdate(DicomTags.SOPInstanceUIDOfConcatenationSource, DicomVR.UI, source);
        dataset.AddOrUpdate(DicomTags.ConcatenationUID, DicomVR.UI, PartUids.Concatenation(source));
        dataset.AddOrUpdate(DicomTags.InConcatenationNumber, DicomVR.US, part.Number.ToString(CultureInfo.InvariantCulture));
        dataset.AddOrUpdate(DicomTags.InConcatenationTotalNumber, DicomVR.US, part.Total.ToString(CultureInfo.InvariantCulture));
        dataset.AddOrUpdate(DicomTags.ConcatenationFrameOffsetNumber, DicomVR.UL, part.FrameOffset.ToString(CultureInfo.InvariantCulture));
        foreach (var dropped in PartAttributes.Dropped)
        {
            dataset.Remove(dropped);
        }

        if (PartAttributes.FrameTimeVectorOf(clip.Dataset, part) is { } vector)
        {
            dataset.AddOrUpdate(DicomTags.FrameTimeVector, DicomVR.DS, vector);
        }

        var pixelData = clip.Dataset[DicomTags.PixelData]!;
        dataset.AddOrUpdate(pixelData is DicomElement native
            ? NativeSlice(native, FrameLayout.Of(clip.Dataset).FrameLength, part)
            : new DicomFragmentSequence(DicomTags.PixelData, pixelData.VR,
                [DicomFragment.FromBytes(ReadOnlyMemory<byte>.Empty), .. Enumerable.Range(part.FrameOffset, part.FrameCount).SelectMany(f => frames.FragmentsOf(f)!)]));
        return new DicomFile(dataset, clip.TransferSyntax);
    }

    private static DicomElement NativeSlice(DicomElement element, long frameLength, ClipPart part)
    {
        var start = part.FrameOffset * frameLength;
        var length = part.FrameCount * frameLength;
        return element.Bulk is { } bulk
            ? DicomElement.FromBulk(DicomTags.PixelData, element.VR, bulk.Slice(start, length))
            : DicomElement.FromBytes(DicomTags.PixelData, element.VR, element.Bytes.Slice((int)start, (int)length));
    }
}
