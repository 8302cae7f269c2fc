using System.Buffers.Binary;
using System.Text;

namespace Uplink.Tricefy.Simulator.Rules;

/// <summary>
/// The three File Meta values the upload rules need, read straight from the bytes of a Part 10 file:
/// the simulator plays a foreign server, so it does not lean on Uplink's own codec to judge Uplink's files.
/// </summary>
/// <param name="SopClassUid">Media Storage SOP Class UID (0002,0002).</param>
/// <param name="SopInstanceUid">Media Storage SOP Instance UID (0002,0003).</param>
/// <param name="TransferSyntaxUid">Transfer Syntax UID (0002,0010).</param>
internal sealed record Part10Header(string SopClassUid, string SopInstanceUid, string TransferSyntaxUid)
{
    private const int PreambleLength = 128;

    /// <summary>Reads the File Meta group, or says precisely why the body is not a Part 10 file.</summary>
    /// <param name="file">The whole uploaded body.</param>
    /// <param name="error">Why it is not one, when it is not.</param>
    /// <returns>The header, or <see langword="null"/>.</returns>
    public static Part10Header? TryRead(ReadOnlySpan<byte> file, out string? error)
    {
        if (file.Length < PreambleLength + 4 || !file.Slice(PreambleLength, 4).SequenceEqual("DICM"u8))
        {
            error = "The body is not a DICOM Part 10 file: no 'DICM' prefix at byte 128.";
            return null;
        }

        string? sopClass = null, sopInstance = null, syntax = null;
        var offset = PreambleLength + 4;
        while (offset + 8 <= file.Length && BinaryPrimitives.ReadUInt16LittleEndian(file[offset..]) == 0x0002)
        {
            var element = BinaryPrimitives.ReadUInt16LittleEndian(file[(offset + 2)..]);
            var vr = file.Slice(offset + 4, 2);
            int length, header;
            if (vr.SequenceEqual("OB"u8) || vr.SequenceEqual("UN"u8) || vr.SequenceEqual("UT"u8) || vr.SequenceEqual("SQ"u8))
            {
                length = checked((int)BinaryPrimitives.ReadUInt32LittleEndian(file[(offset + 8)..]));
                header = 12;
            }
            else
            {
                length = BinaryPrimitives.ReadUInt16LittleEndian(file[(offset + 6)..]);
                header = 8;
            }

            if (length < 0 || offset + header + length > file.Length)
            {
                error = $"File Meta element (0002,{element:X4}) at byte {offset} runs past the end of the body.";
                return null;
            }

            var value = Encoding.ASCII.GetString(file.Slice(offset + header, length)).TrimEnd('\0', ' ');
            switch (element)
            {
                case 0x0002: sopClass = value; break;
                case 0x0003: sopInstance = value; break;
                case 0x0010: syntax = value; break;
            }

            offset += header + length;
        }

        if (sopClass is null || sopInstance is null || syntax is null)
        {
            error = "The File Meta Information lacks Media Storage SOP Class UID, SOP Instance UID or Transfer Syntax UID.";
            return null;
        }

        error = null;
        return new Part10Header(sopClass, sopInstance, syntax);
    }
}
