using System.Buffers.Binary;
using System.Text;

namespace Uplink.Dicom.Network;

/// <summary>
/// What a sender needs from a Part 10 file without decoding it: SOP class and instance, transfer syntax, and
/// where the data set starts, so the data set goes on the wire exactly as stored.
/// </summary>
internal sealed record Part10Header(string SopClassUid, string SopInstanceUid, string TransferSyntaxUid, long DatasetOffset)
{
    /// <summary>File meta groups are a few hundred bytes; this bounds what a damaged one can make us read.</summary>
    private const int MaxMetaLength = 64 * 1024;

    /// <summary>Enough for a usual meta group in one read.</summary>
    private const int FirstRead = 1024;

    /// <exception cref="InvalidDataException">Not a Part 10 file, or its meta lacks one of the three UIDs.</exception>
    public static Part10Header Read(string path)
    {
        using var stream = File.OpenRead(path);
        var prefix = new byte[132];
        if (stream.ReadAtLeast(prefix, prefix.Length, throwOnEndOfStream: false) < prefix.Length || !prefix.AsSpan(128).SequenceEqual("DICM"u8))
        {
            throw new InvalidDataException($"{path}: not a DICOM Part 10 file (no 'DICM' at byte 128).");
        }

        // Read the meta group a little at a time: it is a few hundred bytes, and reading up to the cap would read
        // a whole small instance (three times over when a sender checks, proposes, then sends it).
        var cap = (int)Math.Min(MaxMetaLength, stream.Length - 132);
        var meta = new byte[Math.Min(FirstRead, cap)];
        var available = stream.ReadAtLeast(meta, meta.Length, throwOnEndOfStream: false);
        bool Ensure(int count)
        {
            if (count <= available)
            {
                return true;
            }

            if (count > cap || available < meta.Length)
            {
                return false;
            }

            Array.Resize(ref meta, Math.Min(cap, Math.Max(count, 2 * meta.Length)));
            available += stream.ReadAtLeast(meta.AsSpan(available), meta.Length - available, throwOnEndOfStream: false);
            return count <= available;
        }

        var uids = new Dictionary<ushort, string>();
        var offset = 0;
        while (Ensure(offset + 8) && BinaryPrimitives.ReadUInt16LittleEndian(meta.AsSpan(offset)) == 0x0002)
        {
            var element = BinaryPrimitives.ReadUInt16LittleEndian(meta.AsSpan(offset + 2));
            var vr = Encoding.ASCII.GetString(meta, offset + 4, 2);
            var longForm = vr is "OB" or "OW" or "OF" or "OD" or "OL" or "OV" or "SQ" or "UT" or "UN" or "UC" or "UR" or "SV" or "UV";
            if (longForm && !Ensure(offset + 12))
            {
                break;
            }

            var length = longForm ? BinaryPrimitives.ReadUInt32LittleEndian(meta.AsSpan(offset + 8)) : BinaryPrimitives.ReadUInt16LittleEndian(meta.AsSpan(offset + 6));
            var valueAt = offset + (longForm ? 12 : 8);
            if (length > cap - valueAt || !Ensure(valueAt + (int)length))
            {
                throw new InvalidDataException($"{path}: file meta element (0002,{element:X4}) at byte {132 + offset} runs past the meta group.");
            }

            if (element is 0x0002 or 0x0003 or 0x0010)
            {
                uids[element] = Encoding.ASCII.GetString(meta, valueAt, (int)length).TrimEnd('\0', ' ');
            }

            offset = valueAt + (int)length;
        }

        string Uid(ushort element, string name) => uids.TryGetValue(element, out var value) && value.Length > 0
            ? value
            : throw new InvalidDataException($"{path}: file meta has no {name} (0002,{element:X4}).");

        return new Part10Header(Uid(0x0002, "Media Storage SOP Class UID"), Uid(0x0003, "Media Storage SOP Instance UID"), Uid(0x0010, "Transfer Syntax UID"), 132 + offset);
    }
}
