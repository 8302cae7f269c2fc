using System.Globalization;

namespace Uplink.Dicom;

/// <summary>A DICOM attribute tag: group and element.</summary>
/// <param name="Group">The group number.</param>
/// <param name="Element">The element number.</param>
public readonly record struct DicomTag(ushort Group, ushort Element) : IComparable<DicomTag>
{
    /// <summary>The tag as one 32-bit number, group in the high half (the order tags sort in).</summary>
    public uint Value => ((uint)Group << 16) | Element;

    /// <summary>True for tags in an odd group above 0008 (private data elements and their creators).</summary>
    public bool IsPrivate => (Group & 1) == 1 && Group > 0x0008;

    /// <summary>True for a private creator element <c>(gggg,0010-00FF)</c> in an odd group.</summary>
    public bool IsPrivateCreator => IsPrivate && Element is >= 0x0010 and <= 0x00FF;

    /// <summary>Builds a tag from its 32-bit value.</summary>
    /// <param name="value">Group in the high 16 bits, element in the low 16 bits.</param>
    /// <returns>The tag.</returns>
    public static DicomTag FromValue(uint value) => new((ushort)(value >> 16), (ushort)value);

    /// <summary>Parses <c>(gggg,eeee)</c>, <c>gggg,eeee</c> or <c>ggggeeee</c>.</summary>
    /// <param name="text">The text to parse.</param>
    /// <returns>The tag.</returns>
    /// <exception cref="FormatException">The text is not a tag.</exception>
    public static DicomTag Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var hex = text.Trim().Trim('(', ')').Replace(",", string.Empty, StringComparison.Ordinal);
        if (hex.Length != 8 || !uint.TryParse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var value))
        {
            throw new FormatException($"'{text}' is not a DICOM tag: expected (gggg,eeee) in hexadecimal.");
        }

        return FromValue(value);
    }

    /// <inheritdoc />
    public int CompareTo(DicomTag other) => Value.CompareTo(other.Value);

    /// <summary>The tag as <c>(gggg,eeee)</c> in upper-case hexadecimal.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"({Group:X4},{Element:X4})");
}
