using System.Buffers.Binary;

namespace Uplink.Dicom.Imaging;

/// <summary>
/// The Red, Green and Blue Palette Color Lookup Tables (0028,1101-1103 descriptors, 0028,1201-1203 data) of a
/// PALETTE COLOR image: a pixel value <c>v</c> maps to entry <c>clamp(v - FirstMapped, 0, Entries - 1)</c>.
/// </summary>
public sealed class PaletteLookup
{
    private readonly ushort[] _red;
    private readonly ushort[] _green;
    private readonly ushort[] _blue;

    private PaletteLookup(int firstMapped, int bitsPerEntry, ushort[] red, ushort[] green, ushort[] blue)
    {
        FirstMapped = firstMapped;
        BitsPerEntry = bitsPerEntry;
        _red = red;
        _green = green;
        _blue = blue;
    }

    /// <summary>The first pixel value mapped (second value of the descriptor).</summary>
    public int FirstMapped { get; }

    /// <summary>8 or 16 (third value of the descriptor).</summary>
    public int BitsPerEntry { get; }

    /// <summary>How many entries each table has.</summary>
    public int Entries => _red.Length;

    /// <summary>Red entries.</summary>
    public ReadOnlySpan<ushort> Red => _red;

    /// <summary>Green entries.</summary>
    public ReadOnlySpan<ushort> Green => _green;

    /// <summary>Blue entries.</summary>
    public ReadOnlySpan<ushort> Blue => _blue;

    /// <summary>Reads the three tables.</summary>
    /// <param name="dataset">The image.</param>
    /// <returns>The lookup.</returns>
    /// <exception cref="PixelDataException">A descriptor or table is missing, disagrees with the others, or is segmented only.</exception>
    public static PaletteLookup FromDataset(DicomDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var (entries, first, bits) = Descriptor(dataset, DicomTags.RedPaletteColorLookupTableDescriptor, "Red");
        if (Descriptor(dataset, DicomTags.GreenPaletteColorLookupTableDescriptor, "Green") != (entries, first, bits)
            || Descriptor(dataset, DicomTags.BluePaletteColorLookupTableDescriptor, "Blue") != (entries, first, bits))
        {
            throw new PixelDataException("The Red, Green and Blue Palette Color Lookup Table Descriptors (0028,1101-1103) disagree.");
        }

        return new PaletteLookup(
            first,
            bits,
            Table(dataset, DicomTags.RedPaletteColorLookupTableData, "Red", entries, bits),
            Table(dataset, DicomTags.GreenPaletteColorLookupTableData, "Green", entries, bits),
            Table(dataset, DicomTags.BluePaletteColorLookupTableData, "Blue", entries, bits));
    }

    /// <summary>Builds a lookup from entries (for generated images and tests).</summary>
    /// <param name="firstMapped">The first pixel value mapped.</param>
    /// <param name="bitsPerEntry">8 or 16.</param>
    /// <param name="red">Red entries.</param>
    /// <param name="green">Green entries.</param>
    /// <param name="blue">Blue entries.</param>
    /// <returns>The lookup.</returns>
    public static PaletteLookup Create(int firstMapped, int bitsPerEntry, ushort[] red, ushort[] green, ushort[] blue)
    {
        ArgumentNullException.ThrowIfNull(red);
        ArgumentNullException.ThrowIfNull(green);
        ArgumentNullException.ThrowIfNull(blue);
        if (red.Length == 0 || red.Length != green.Length || red.Length != blue.Length || bitsPerEntry is not (8 or 16))
        {
            throw new PixelDataException("A palette needs three non-empty tables of the same length and 8 or 16 bits per entry.");
        }

        return new PaletteLookup(firstMapped, bitsPerEntry, [.. red], [.. green], [.. blue]);
    }

    /// <summary>The entry index a pixel value maps to.</summary>
    /// <param name="value">The pixel value.</param>
    /// <returns>The entry.</returns>
    public int EntryOf(int value) => Math.Clamp(value - FirstMapped, 0, Entries - 1);

    private static (int Entries, int First, int Bits) Descriptor(DicomDataset dataset, DicomTag tag, string colour)
    {
        if (dataset.Get(tag) is not DicomElement { IsBulk: false, Length: >= 6 } element)
        {
            throw new PixelDataException($"PALETTE COLOR needs the {colour} Palette Color Lookup Table Descriptor {tag} with three values.");
        }

        var span = element.Bytes.Span;
        int entries = BinaryPrimitives.ReadUInt16LittleEndian(span);
        var first = element.VR == DicomVR.SS
            ? (int)BinaryPrimitives.ReadInt16LittleEndian(span[2..])
            : BinaryPrimitives.ReadUInt16LittleEndian(span[2..]);
        int bits = BinaryPrimitives.ReadUInt16LittleEndian(span[4..]);
        if (bits is not (8 or 16))
        {
            throw new PixelDataException($"The {colour} Palette Color Lookup Table Descriptor {tag} gives {bits} bits per entry; 8 or 16 are defined.");
        }

        return (entries == 0 ? 65536 : entries, first, bits);
    }

    private static ushort[] Table(DicomDataset dataset, DicomTag tag, string colour, int entries, int bits)
    {
        if (dataset.Get(tag) is not DicomElement element)
        {
            throw new PixelDataException($"PALETTE COLOR needs the {colour} Palette Color Lookup Table Data {tag}; segmented or large tables are not supported.");
        }

        if (element.Length > 2L * 65536 + 1)
        {
            throw new PixelDataException($"The {colour} Palette Color Lookup Table Data {tag} has {element.Length} bytes, more than 65536 entries of 16 bits.");
        }

        var bytes = new byte[element.Length];
        using (var stream = element.OpenValue())
        {
            stream.ReadExactly(bytes);
        }

        var table = new ushort[entries];
        if (bits == 8 && bytes.Length is var length && (length == entries || length == entries + 1))
        {
            // Eight-bit entries packed two to a word, as PS3.3 C.7.6.3.1.6 now requires.
            for (var i = 0; i < entries; i++)
            {
                table[i] = bytes[i];
            }
        }
        else if (bytes.Length >= 2L * entries)
        {
            for (var i = 0; i < entries; i++)
            {
                table[i] = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(2 * i));
            }
        }
        else
        {
            throw new PixelDataException($"The {colour} Palette Color Lookup Table Data {tag} has {bytes.Length} bytes; its descriptor gives {entries} entries of {bits} bits.");
        }

        return table;
    }
}
