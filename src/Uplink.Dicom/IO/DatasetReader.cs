namespace Uplink.Dicom.IO;

/// <summary>Parses elements, sequences and fragments from a <see cref="BufferedSource"/>, checking every length
/// against the bytes that remain, the nesting against <see cref="DicomReadOptions.MaxSequenceDepth"/> and the number of
/// elements, items and fragments against <see cref="DicomReadOptions.MaxItems"/>.</summary>
internal sealed class DatasetReader(BufferedSource input, DicomReadOptions options)
{
    private const uint Undefined = 0xFFFFFFFF;
    private const long UntilEnd = long.MaxValue;
    private const long UntilDelimiter = -1;
    private const long MaxInMemoryValue = 64 * 1024 * 1024;

    private static readonly DicomTag ItemTag = new(0xFFFE, 0xE000);
    private static readonly DicomTag ItemDelimiter = new(0xFFFE, 0xE00D);
    private static readonly DicomTag SequenceDelimiter = new(0xFFFE, 0xE0DD);

    private BulkSource? _bulkSource;
    private int _items;

    /// <summary>Where Pixel Data (7FE0,0010) of the top-level dataset starts, or -1.</summary>
    public long PixelDataOffset { get; private set; } = -1;

    /// <summary>Reads the top-level dataset to the end of the input.</summary>
    public void ReadToEnd(DicomDataset dataset, Syntax syntax) => ReadDataset(dataset, UntilEnd, 0, syntax);

    /// <summary>Reads elements of one group while the next tag is in that group (File Meta Information).</summary>
    public void ReadGroup(DicomDataset dataset, ushort group, Syntax syntax)
    {
        while (input.TryEnsure(2) && input.Peek(2)[0] == (byte)group && input.Peek(2)[1] == (byte)(group >> 8))
        {
            var start = input.Position;
            var tag = ReadTag(syntax, "an element");
            CountOne(start, tag);
            dataset.AppendRead(ReadElement(dataset, tag, start, 0, syntax));
        }
    }

    private void ReadDataset(DicomDataset dataset, long end, int depth, Syntax syntax)
    {
        DicomTag? previous = null;
        while (true)
        {
            if (end == UntilEnd && input.AtEnd)
            {
                return;
            }

            if (end >= 0 && end != UntilEnd && input.Position >= end)
            {
                return;
            }

            var start = input.Position;
            if (end == UntilDelimiter && input.AtEnd)
            {
                throw Error($"An item of undefined length has no Item Delimitation Item: {input.Where} ends at byte {start}", start, null);
            }

            var tag = ReadTag(syntax, "an element");
            if (tag.Group == 0xFFFE)
            {
                EnsureOrThrow(4, start, tag, "the length of a delimiter");
                var length = input.ReadUInt32(syntax.LittleEndian);
                if (tag == ItemDelimiter && end == UntilDelimiter)
                {
                    return;
                }

                var context = end == UntilDelimiter ? "inside an item of undefined length" : end == UntilEnd ? "in the top-level dataset" : "inside an item of defined length";
                var expected = end == UntilDelimiter ? $", where an element or the Item Delimitation Item {ItemDelimiter} was expected" : string.Empty;
                throw Error($"Unexpected {Describe.Tag(tag)} (length {length}) at byte {start} {context}{expected}", start, tag);
            }

            if (previous is { } before && tag.Value <= before.Value)
            {
                var problem = tag == before ? "is repeated" : $"follows {before}: elements are not in ascending tag order";
                throw Error($"Element {Describe.Tag(tag)} at byte {start} {problem}", start, tag);
            }

            CountOne(start, tag);
            var item = ReadElement(dataset, tag, start, depth, syntax);
            if (end >= 0 && end != UntilEnd && input.Position > end)
            {
                throw Error($"Element {Describe.Tag(tag)} at byte {start} runs to byte {input.Position}, past the end of its item at byte {end}", start, tag);
            }

            if (depth == 0 && tag == DicomTags.PixelData)
            {
                PixelDataOffset = start;
            }

            dataset.AppendRead(item);
            previous = tag;
        }
    }

    private DicomItem ReadElement(DicomDataset dataset, DicomTag tag, long start, int depth, Syntax syntax)
    {
        DicomVR vr;
        long length;
        if (syntax.ExplicitVR)
        {
            EnsureOrThrow(4, start, tag, "the VR and length");
            var code = input.Peek(2);
            if (!VRInfo.TryParse(code[0], code[1], out vr))
            {
                throw Error($"Element {Describe.Tag(tag)} at byte {start} has an invalid VR (bytes 0x{code[0]:X2} 0x{code[1]:X2})", start, tag);
            }

            input.Position += 2;
            if (VRInfo.HasLongLength(vr))
            {
                EnsureOrThrow(6, start, tag, "the 32-bit length");
                input.Position += 2;
                length = input.ReadUInt32(syntax.LittleEndian);
            }
            else
            {
                length = input.ReadUInt16(syntax.LittleEndian);
            }
        }
        else
        {
            EnsureOrThrow(4, start, tag, "the length");
            length = input.ReadUInt32(syntax.LittleEndian);
            vr = VRResolver.Implicit(tag, length, dataset);
        }

        if (length == Undefined)
        {
            return ReadUndefinedLength(tag, vr, start, depth, syntax);
        }

        if (length > input.Remaining)
        {
            throw Error(
                $"Value length {length} of {Describe.Tag(tag)} at byte {start} runs past the end of {input.Where} ({input.Length} bytes)",
                start,
                tag);
        }

        var valueEnd = input.Position + length;
        if (vr == DicomVR.SQ)
        {
            return ReadSequence(tag, valueEnd, start, depth + 1, syntax);
        }

        if (vr == DicomVR.UN && syntax.ExplicitVR && syntax.LittleEndian)
        {
            vr = VRResolver.ForUnknown(tag, dataset);
            if (vr == DicomVR.SQ)
            {
                return ReadSequence(tag, valueEnd, start, depth + 1, Syntax.ImplicitLittle);
            }
        }

        return ReadValue(tag, vr, length, syntax);
    }

    private DicomItem ReadUndefinedLength(DicomTag tag, DicomVR vr, long start, int depth, Syntax syntax)
    {
        if (tag == DicomTags.PixelData || (vr is DicomVR.OB or DicomVR.OW && syntax.ExplicitVR))
        {
            return ReadFragments(tag, vr == DicomVR.UN ? DicomVR.OB : vr, start);
        }

        if (vr == DicomVR.SQ)
        {
            return ReadSequence(tag, UntilDelimiter, start, depth + 1, syntax);
        }

        if (vr == DicomVR.UN || !syntax.ExplicitVR)
        {
            // CP-246: a sequence of unknown VR is encoded as Implicit VR Little Endian inside.
            return ReadSequence(tag, UntilDelimiter, start, depth + 1, Syntax.ImplicitLittle);
        }

        throw Error($"Element {Describe.Tag(tag)} at byte {start} has VR {vr} with undefined length (only SQ, UN and pixel data may)", start, tag);
    }

    private DicomSequence ReadSequence(DicomTag tag, long end, long start, int depth, Syntax syntax)
    {
        if (depth > options.MaxSequenceDepth)
        {
            throw Error(
                $"Sequence {Describe.Tag(tag)} at byte {start} is nested {depth} deep, deeper than the limit of {options.MaxSequenceDepth}",
                start,
                tag);
        }

        var sequence = new DicomSequence(tag);
        while (true)
        {
            if (end != UntilDelimiter && input.Position >= end)
            {
                return sequence;
            }

            var itemStart = input.Position;
            if (input.AtEnd)
            {
                throw Error(
                    $"Sequence {Describe.Tag(tag)} at byte {start} has no Sequence Delimitation Item: {input.Where} ends at byte {itemStart}",
                    itemStart,
                    tag);
            }

            var itemTag = ReadTag(syntax, $"an item of {Describe.Tag(tag)}");
            EnsureOrThrow(4, itemStart, tag, "an item length");
            var length = input.ReadUInt32(syntax.LittleEndian);
            if (itemTag == SequenceDelimiter && end == UntilDelimiter)
            {
                return sequence;
            }

            if (itemTag != ItemTag)
            {
                var expected = end == UntilDelimiter ? $"an Item {ItemTag} or the Sequence Delimitation Item {SequenceDelimiter}" : $"an Item {ItemTag}";
                throw Error($"Sequence {Describe.Tag(tag)} at byte {start}: found {Describe.Tag(itemTag)} at byte {itemStart} instead of {expected}", itemStart, tag);
            }

            CountOne(itemStart, tag);
            var item = new DicomDataset();
            sequence.Items.Add(item);
            if (length == Undefined)
            {
                ReadDataset(item, UntilDelimiter, depth, syntax);
            }
            else
            {
                var itemEnd = input.Position + length;
                if (length > input.Remaining || (end != UntilDelimiter && itemEnd > end))
                {
                    throw Error(
                        $"Item of length {length} at byte {itemStart} in sequence {Describe.Tag(tag)} runs past the end of {(length > input.Remaining ? input.Where : "its sequence")}",
                        itemStart,
                        tag);
                }

                ReadDataset(item, itemEnd, depth, syntax);
            }
        }
    }

    private DicomFragmentSequence ReadFragments(DicomTag tag, DicomVR vr, long start)
    {
        var fragments = new DicomFragmentSequence(tag, vr);
        while (true)
        {
            var itemStart = input.Position;
            if (input.AtEnd)
            {
                throw Error(
                    $"Encapsulated {Describe.Tag(tag)} at byte {start} has no Sequence Delimitation Item: {input.Where} ends at byte {itemStart} after {fragments.Fragments.Count} fragments",
                    itemStart,
                    tag);
            }

            var itemTag = ReadTag(Syntax.ExplicitLittle, $"a fragment of {Describe.Tag(tag)}");
            EnsureOrThrow(4, itemStart, tag, "a fragment length");
            var length = input.ReadUInt32(true);
            if (itemTag == SequenceDelimiter)
            {
                return fragments;
            }

            if (itemTag != ItemTag || length == Undefined)
            {
                throw Error(
                    $"Encapsulated {Describe.Tag(tag)}: found {Describe.Tag(itemTag)} with length 0x{length:X8} at byte {itemStart} instead of a fragment Item {ItemTag} of defined length",
                    itemStart,
                    tag);
            }

            if (length > input.Remaining)
            {
                throw Error(
                    $"Fragment {fragments.Fragments.Count} of {Describe.Tag(tag)} at byte {itemStart} has length {length}, past the end of {input.Where} ({input.Length} bytes)",
                    itemStart,
                    tag);
            }

            CountOne(itemStart, tag);
            fragments.Fragments.Add(IsBulk(length, DicomVR.OB)
                ? DicomFragment.FromBulk(TakeBulk(length, 0))
                : DicomFragment.FromBytes(input.ReadBytes((int)length)));
        }
    }

    private DicomElement ReadValue(DicomTag tag, DicomVR vr, long length, Syntax syntax)
    {
        var swap = syntax.LittleEndian ? 0 : VRInfo.SwapUnit(vr);
        if (IsBulk(length, vr))
        {
            return DicomElement.FromBulk(tag, vr, TakeBulk(length, swap));
        }

        var bytes = input.ReadBytes((int)length);
        if (swap > 1)
        {
            for (var i = 0; i + swap <= bytes.Length; i += swap)
            {
                Array.Reverse(bytes, i, swap);
            }
        }

        return DicomElement.FromBytes(tag, vr, bytes);
    }

    /// <summary>Binary blobs (OB, OW, UN, ...) over the threshold stay on disk; text and numbers stay in memory so
    /// GetString sees them, unless they exceed <see cref="MaxInMemoryValue"/>.</summary>
    private bool IsBulk(long length, DicomVR vr)
        => input.Source.Path is not null
            && ((length > options.BulkDataThreshold && VRInfo.IsBlob(vr)) || length > MaxInMemoryValue);

    private BulkDataReference TakeBulk(long length, int swap)
    {
        _bulkSource ??= new BulkSource(input.Source.Path!);
        var reference = new BulkDataReference(_bulkSource, input.Position, length, swap);
        input.Position += length;
        return reference;
    }

    private DicomTag ReadTag(Syntax syntax, string what)
    {
        var start = input.Position;
        if (!input.TryEnsure(4))
        {
            throw Error($"{input.Where} ends at byte {input.Length}, inside the tag of {what} that starts at byte {start}", start, null);
        }

        var group = input.ReadUInt16(syntax.LittleEndian);
        var element = input.ReadUInt16(syntax.LittleEndian);
        return new DicomTag(group, element);
    }

    private void CountOne(long start, DicomTag tag)
    {
        if (++_items > options.MaxItems)
        {
            throw Error($"{input.Where} holds more than {options.MaxItems} elements, items and fragments (the limit), the last at byte {start} in {Describe.Tag(tag)}", start, tag);
        }
    }

    private void EnsureOrThrow(int count, long start, DicomTag tag, string what)
    {
        if (!input.TryEnsure(count))
        {
            throw Error($"{input.Where} ends at byte {input.Length}, inside {what} of {Describe.Tag(tag)} that starts at byte {start}", start, tag);
        }
    }

    private DicomFormatException Error(string message, long offset, DicomTag? tag)
        => new($"{message}.", offset, tag);
}
