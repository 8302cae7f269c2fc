using System.Buffers.Binary;

namespace Uplink.Dicom.IO;

/// <summary>Writes Explicit VR Little Endian elements with even lengths; bulk values are streamed from disk.</summary>
internal sealed class DicomWriter(Stream output)
{
    private const int BufferSize = 64 * 1024;
    private const uint Undefined = 0xFFFFFFFF;

    private readonly byte[] _buffer = new byte[BufferSize];
    private int _count;

    /// <summary>Writes raw bytes.</summary>
    public void WriteRaw(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > BufferSize - _count)
        {
            Flush();
            if (bytes.Length > BufferSize)
            {
                output.Write(bytes);
                return;
            }
        }

        bytes.CopyTo(_buffer.AsSpan(_count));
        _count += bytes.Length;
    }

    /// <summary>Writes every item of a dataset; group lengths (gggg,0000) are left out unless <paramref name="keepGroupLengths"/>.</summary>
    public void WriteDataset(DicomDataset dataset, bool keepGroupLengths = false)
    {
        foreach (var item in dataset.Items)
        {
            if (item.Tag.Element == 0 && !keepGroupLengths)
            {
                continue;
            }

            switch (item)
            {
                case DicomElement element:
                    WriteElement(element);
                    break;
                case DicomSequence sequence:
                    WriteHeader(sequence.Tag, DicomVR.SQ, Undefined);
                    foreach (var child in sequence.Items)
                    {
                        WriteTagLength(0xFFFE, 0xE000, Undefined);
                        WriteDataset(child);
                        WriteTagLength(0xFFFE, 0xE00D, 0);
                    }

                    WriteTagLength(0xFFFE, 0xE0DD, 0);
                    break;
                case DicomFragmentSequence fragments:
                    WriteHeader(fragments.Tag, fragments.VR, Undefined);
                    foreach (var fragment in fragments.Fragments)
                    {
                        WriteTagLength(0xFFFE, 0xE000, checked((uint)fragment.Length));
                        if (fragment.Bulk is { } bulk)
                        {
                            CopyBulk(bulk);
                        }
                        else
                        {
                            using var stream = fragment.OpenRead();
                            CopyStream(stream);
                        }
                    }

                    WriteTagLength(0xFFFE, 0xE0DD, 0);
                    break;
            }
        }
    }

    /// <summary>Writes one element, padded to even length.</summary>
    public void WriteElement(DicomElement element)
    {
        var length = element.Length;
        var padded = length + (length & 1);
        var vr = element.VR;
        if (!VRInfo.HasLongLength(vr) && padded > 0xFFFE)
        {
            vr = vr is DicomVR.US or DicomVR.SS ? DicomVR.OW : DicomVR.UN;
        }

        WriteHeader(element.Tag, vr, checked((uint)padded));
        if (element.Bulk is { } bulk)
        {
            CopyBulk(bulk);
        }
        else
        {
            WriteRaw(element.Bytes.Span);
        }

        if ((length & 1) == 1)
        {
            WriteRaw([VRInfo.PaddingByte(element.VR)]);
        }
    }

    /// <summary>Writes what is buffered to the output.</summary>
    public void Flush()
    {
        if (_count > 0)
        {
            output.Write(_buffer, 0, _count);
            _count = 0;
        }
    }

    private void WriteHeader(DicomTag tag, DicomVR vr, uint length)
    {
        Span<byte> header = stackalloc byte[12];
        BinaryPrimitives.WriteUInt16LittleEndian(header, tag.Group);
        BinaryPrimitives.WriteUInt16LittleEndian(header[2..], tag.Element);
        var name = vr == DicomVR.None ? "UN" : vr.ToString();
        header[4] = (byte)name[0];
        header[5] = (byte)name[1];
        if (VRInfo.HasLongLength(vr) || vr == DicomVR.None)
        {
            header[6] = 0;
            header[7] = 0;
            BinaryPrimitives.WriteUInt32LittleEndian(header[8..], length);
            WriteRaw(header);
        }
        else
        {
            BinaryPrimitives.WriteUInt16LittleEndian(header[6..], (ushort)length);
            WriteRaw(header[..8]);
        }
    }

    private void WriteTagLength(ushort group, ushort element, uint length)
    {
        Span<byte> header = stackalloc byte[8];
        BinaryPrimitives.WriteUInt16LittleEndian(header, group);
        BinaryPrimitives.WriteUInt16LittleEndian(header[2..], element);
        BinaryPrimitives.WriteUInt32LittleEndian(header[4..], length);
        WriteRaw(header);
    }

    private void CopyBulk(BulkDataReference bulk)
    {
        using var stream = bulk.OpenRead();
        CopyStream(stream);
    }

    private void CopyStream(Stream stream)
    {
        Flush();
        stream.CopyTo(output, 1024 * 1024);
    }
}
