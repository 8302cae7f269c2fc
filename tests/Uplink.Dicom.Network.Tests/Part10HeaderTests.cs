using System.Buffers.Binary;
using System.Text;

namespace Uplink.Dicom.Network.Tests;

/// <summary>Reading the file meta of a Part 10 file a little at a time.</summary>
public sealed class Part10HeaderTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"uplink-p10-{Guid.NewGuid():N}.dcm");

    public void Dispose() => File.Delete(_path);

    [Fact]
    public void A_meta_group_longer_than_the_first_read_is_read_to_its_end()
    {
        var meta = new MemoryStream();
        Element(meta, 0x0001, "OB", new byte[5000]);
        Element(meta, 0x0002, "UI", "1.2.840.10008.5.1.4.1.1.6.1"u8.ToArray());
        Element(meta, 0x0003, "UI", Encoding.ASCII.GetBytes(new string('7', 60)));
        Element(meta, 0x0010, "UI", "1.2.840.10008.1.2.4.50"u8.ToArray());
        var dataset = new byte[] { 0x08, 0x00, 0x16, 0x00, 0x55, 0x49, 0x00, 0x00 };
        File.WriteAllBytes(_path, [.. new byte[128], .. "DICM"u8.ToArray(), .. meta.ToArray(), .. dataset]);

        var header = Part10Header.Read(_path);

        Assert.Equal(("1.2.840.10008.5.1.4.1.1.6.1", new string('7', 60), "1.2.840.10008.1.2.4.50", 132 + meta.Length), (header.SopClassUid, header.SopInstanceUid, header.TransferSyntaxUid, header.DatasetOffset));
    }

    [Fact]
    public void A_meta_element_that_runs_past_the_end_of_the_file_is_named()
    {
        var meta = new MemoryStream();
        Element(meta, 0x0002, "UI", "1.2.3"u8.ToArray());
        var truncated = meta.ToArray()[..^2];
        File.WriteAllBytes(_path, [.. new byte[128], .. "DICM"u8.ToArray(), .. truncated]);

        var error = Assert.Throws<InvalidDataException>(() => Part10Header.Read(_path));

        Assert.Contains("(0002,0002) at byte 132 runs past the meta group", error.Message, StringComparison.Ordinal);
    }

    private static void Element(MemoryStream meta, ushort element, string vr, byte[] value)
    {
        Span<byte> head = stackalloc byte[12];
        BinaryPrimitives.WriteUInt16LittleEndian(head, 0x0002);
        BinaryPrimitives.WriteUInt16LittleEndian(head[2..], element);
        Encoding.ASCII.GetBytes(vr, head[4..]);
        if (vr == "OB")
        {
            head[6] = 0;
            head[7] = 0;
            BinaryPrimitives.WriteUInt32LittleEndian(head[8..], (uint)value.Length);
            meta.Write(head);
        }
        else
        {
            BinaryPrimitives.WriteUInt16LittleEndian(head[6..], (ushort)value.Length);
            meta.Write(head[..8]);
        }

        meta.Write(value);
    }
}
