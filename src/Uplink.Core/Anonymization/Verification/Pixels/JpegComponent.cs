using BitMiracle.LibJpeg.Classic;

namespace Uplink.Core.Anonymization.Verification.Pixels;

/// <summary>One component of a frame as LibJpeg.NET read it.</summary>
/// <param name="Id">Component identifier.</param>
/// <param name="H">Horizontal sampling factor.</param>
/// <param name="V">Vertical sampling factor.</param>
/// <param name="QuantizationTable">Quantisation table id.</param>
/// <param name="WidthInBlocks">Blocks per row (coefficient reads only).</param>
/// <param name="HeightInBlocks">Block rows (coefficient reads only).</param>
/// <param name="BlockRows">
/// LibJpeg.NET's own blocks, one array per block row (coefficient reads only): held, not copied, since the
/// decoder already allocated them and a copy per frame doubled the proof's allocations.
/// </param>
internal sealed record JpegComponent(int Id, int H, int V, int QuantizationTable, int WidthInBlocks, int HeightInBlocks, JBLOCK[][] BlockRows)
{
    /// <summary>Whether one block's 64 quantised coefficients equal another component's block at the same place.</summary>
    /// <param name="other">The other component.</param>
    /// <param name="column">Block column.</param>
    /// <param name="row">Block row.</param>
    /// <returns>True when all 64 are equal.</returns>
    public bool SameBlock(JpegComponent other, int column, int row)
    {
        ArgumentNullException.ThrowIfNull(other);
        var (mine, theirs) = (BlockRows[row][column], other.BlockRows[row][column]);
        for (var k = 0; k < 64; k++)
        {
            if (mine[k] != theirs[k])
            {
                return false;
            }
        }

        return true;
    }
}
