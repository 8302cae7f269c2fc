namespace Uplink.Dicom.Imaging.Rendering;

/// <summary>
/// A 5x7 bitmap font (uppercase letters, digits, ^ - / . : and space) that burns readable text into frame
/// buffers at any integer scale, as an ultrasound device burns its banner: the demo's generated exam and the
/// tests' fixtures carry patient-like banners made with it, so the cleaner always has real text to remove.
/// </summary>
public static class BitmapFont
{
    /// <summary>Glyph width in font pixels.</summary>
    public const int GlyphWidth = 5;

    /// <summary>Font pixels between glyphs: two, because tesseract merges glyphs one column apart.</summary>
    public const int Spacing = 2;

    /// <summary>Glyph height in font pixels.</summary>
    public const int GlyphHeight = 7;

    private static readonly Dictionary<char, byte[]> Glyphs = new()
    {
        ['A'] = [0b01110, 0b10001, 0b10001, 0b11111, 0b10001, 0b10001, 0b10001],
        ['B'] = [0b11110, 0b10001, 0b10001, 0b11110, 0b10001, 0b10001, 0b11110],
        ['C'] = [0b01110, 0b10001, 0b10000, 0b10000, 0b10000, 0b10001, 0b01110],
        ['D'] = [0b11110, 0b10001, 0b10001, 0b10001, 0b10001, 0b10001, 0b11110],
        ['E'] = [0b11111, 0b10000, 0b10000, 0b11110, 0b10000, 0b10000, 0b11111],
        ['F'] = [0b11111, 0b10000, 0b10000, 0b11110, 0b10000, 0b10000, 0b10000],
        ['G'] = [0b01110, 0b10001, 0b10000, 0b10111, 0b10001, 0b10001, 0b01111],
        ['H'] = [0b10001, 0b10001, 0b10001, 0b11111, 0b10001, 0b10001, 0b10001],
        ['I'] = [0b01110, 0b00100, 0b00100, 0b00100, 0b00100, 0b00100, 0b01110],
        ['J'] = [0b00111, 0b00010, 0b00010, 0b00010, 0b00010, 0b10010, 0b01100],
        ['K'] = [0b10001, 0b10010, 0b10100, 0b11000, 0b10100, 0b10010, 0b10001],
        ['L'] = [0b10000, 0b10000, 0b10000, 0b10000, 0b10000, 0b10000, 0b11111],
        ['M'] = [0b10001, 0b11011, 0b10101, 0b10101, 0b10001, 0b10001, 0b10001],
        ['N'] = [0b10001, 0b11001, 0b11001, 0b10101, 0b10011, 0b10011, 0b10001],
        ['O'] = [0b01110, 0b10001, 0b10001, 0b10001, 0b10001, 0b10001, 0b01110],
        ['P'] = [0b11110, 0b10001, 0b10001, 0b11110, 0b10000, 0b10000, 0b10000],
        ['Q'] = [0b01110, 0b10001, 0b10001, 0b10001, 0b10101, 0b10010, 0b01101],
        ['R'] = [0b11110, 0b10001, 0b10001, 0b11110, 0b10100, 0b10010, 0b10001],
        ['S'] = [0b01111, 0b10000, 0b10000, 0b01110, 0b00001, 0b00001, 0b11110],
        ['T'] = [0b11111, 0b00100, 0b00100, 0b00100, 0b00100, 0b00100, 0b00100],
        ['U'] = [0b10001, 0b10001, 0b10001, 0b10001, 0b10001, 0b10001, 0b01110],
        ['V'] = [0b10001, 0b10001, 0b10001, 0b10001, 0b10001, 0b01010, 0b00100],
        ['W'] = [0b10001, 0b10001, 0b10001, 0b10101, 0b10101, 0b10101, 0b01010],
        ['X'] = [0b10001, 0b10001, 0b01010, 0b00100, 0b01010, 0b10001, 0b10001],
        ['Y'] = [0b10001, 0b10001, 0b10001, 0b01010, 0b00100, 0b00100, 0b00100],
        ['Z'] = [0b11111, 0b00001, 0b00010, 0b00100, 0b01000, 0b10000, 0b11111],
        ['0'] = [0b01110, 0b10001, 0b10001, 0b10001, 0b10001, 0b10001, 0b01110],
        ['1'] = [0b00100, 0b01100, 0b00100, 0b00100, 0b00100, 0b00100, 0b01110],
        ['2'] = [0b01110, 0b10001, 0b00001, 0b00010, 0b00100, 0b01000, 0b11111],
        ['3'] = [0b11111, 0b00010, 0b00100, 0b00010, 0b00001, 0b10001, 0b01110],
        ['4'] = [0b00010, 0b00110, 0b01010, 0b10010, 0b11111, 0b00010, 0b00010],
        ['5'] = [0b11111, 0b10000, 0b11110, 0b00001, 0b00001, 0b10001, 0b01110],
        ['6'] = [0b00110, 0b01000, 0b10000, 0b11110, 0b10001, 0b10001, 0b01110],
        ['7'] = [0b11111, 0b00001, 0b00010, 0b00100, 0b01000, 0b01000, 0b01000],
        ['8'] = [0b11111, 0b10001, 0b10001, 0b01110, 0b10001, 0b10001, 0b11111],
        ['9'] = [0b01110, 0b10001, 0b10001, 0b01111, 0b00001, 0b00010, 0b01100],
        ['^'] = [0b00100, 0b01010, 0b10001, 0b00000, 0b00000, 0b00000, 0b00000],
        ['-'] = [0b00000, 0b00000, 0b00000, 0b11111, 0b00000, 0b00000, 0b00000],
        ['/'] = [0b00000, 0b00001, 0b00010, 0b00100, 0b01000, 0b10000, 0b00000],
        ['.'] = [0b00000, 0b00000, 0b00000, 0b00000, 0b00000, 0b01100, 0b01100],
        [':'] = [0b00000, 0b01100, 0b01100, 0b00000, 0b01100, 0b01100, 0b00000],
        [' '] = [0b00000, 0b00000, 0b00000, 0b00000, 0b00000, 0b00000, 0b00000],
    };

    /// <summary>The size in pixels of a text at a scale.</summary>
    /// <param name="text">The text.</param>
    /// <param name="scale">Pixels per font pixel.</param>
    /// <returns>Width and height in pixels.</returns>
    public static (int Width, int Height) Measure(string text, int scale)
        => ((text.Length * (GlyphWidth + Spacing) * scale) - (Spacing * scale), GlyphHeight * scale);

    /// <summary>Draws the text with its top-left corner at (x, y), calling <paramref name="setPixel"/> for every lit pixel inside the frame.</summary>
    /// <param name="text">The text; every character must have a glyph.</param>
    /// <param name="x">Left edge.</param>
    /// <param name="y">Top edge.</param>
    /// <param name="scale">Pixels per font pixel.</param>
    /// <param name="columns">Frame width.</param>
    /// <param name="rows">Frame height.</param>
    /// <param name="setPixel">Called with (x, y) for each lit pixel.</param>
    public static void Draw(string text, int x, int y, int scale, int columns, int rows, Action<int, int> setPixel)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(setPixel);
        for (var i = 0; i < text.Length; i++)
        {
            if (!Glyphs.TryGetValue(char.ToUpperInvariant(text[i]), out var glyph))
            {
                throw new ArgumentException($"The font has no glyph for '{text[i]}'.", nameof(text));
            }

            var left = x + (i * (GlyphWidth + Spacing) * scale);
            for (var gy = 0; gy < GlyphHeight; gy++)
            {
                for (var gx = 0; gx < GlyphWidth; gx++)
                {
                    if ((glyph[gy] & (1 << (GlyphWidth - 1 - gx))) == 0)
                    {
                        continue;
                    }

                    for (var dy = 0; dy < scale; dy++)
                    {
                        for (var dx = 0; dx < scale; dx++)
                        {
                            var px = left + (gx * scale) + dx;
                            var py = y + (gy * scale) + dy;
                            if (px >= 0 && py >= 0 && px < columns && py < rows)
                            {
                                setPixel(px, py);
                            }
                        }
                    }
                }
            }
        }
    }

    /// <summary>Draws the text into an 8-bit gray frame (one byte per pixel, rows top to bottom).</summary>
    /// <param name="frame">The frame.</param>
    /// <param name="columns">Frame width.</param>
    /// <param name="rows">Frame height.</param>
    /// <param name="text">The text.</param>
    /// <param name="x">Left edge.</param>
    /// <param name="y">Top edge.</param>
    /// <param name="scale">Pixels per font pixel.</param>
    /// <param name="value">The gray level of the text.</param>
    public static void DrawGray(byte[] frame, int columns, int rows, string text, int x, int y, int scale, byte value = 255)
        => Draw(text, x, y, scale, columns, rows, (px, py) => frame[(py * columns) + px] = value);
}
