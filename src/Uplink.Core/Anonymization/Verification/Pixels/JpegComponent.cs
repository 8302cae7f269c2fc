namespace Uplink.Core.Anonymization.Verification.Pixels;

/// <summary>One component of a frame as LibJpeg.NET read it.</summary>
/// <param name="Id">Component identifier.</param>
/// <param name="H">Horizontal sampling factor.</param>
/// <param name="V">Vertical sampling factor.</param>
/// <param name="QuantizationTable">Quantisation table id.</param>
/// <param name="WidthInBlocks">Blocks per row (coefficient reads only).</param>
/// <param name="HeightInBlocks">Block rows (coefficient reads only).</param>
/// <param name="Coefficients">64 quantised coefficients per block, blocks in raster order (coefficient reads only).</param>
/// <param name="Plane">Decoded samples at full frame resolution (plane decodes only).</param>
internal sealed record JpegComponent(int Id, int H, int V, int QuantizationTable, int WidthInBlocks, int HeightInBlocks, short[] Coefficients, byte[] Plane)
{
    /// <summary>The 64 coefficients of one block.</summary>
    /// <param name="column">Block column.</param>
    /// <param name="row">Block row.</param>
    /// <returns>The coefficients.</returns>
    public ReadOnlySpan<short> Block(int column, int row) => Coefficients.AsSpan(((row * WidthInBlocks) + column) * 64, 64);
}
