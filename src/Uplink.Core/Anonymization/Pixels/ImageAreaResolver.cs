using Uplink.Dicom;
using Uplink.Dicom.Imaging;

namespace Uplink.Core.Anonymization.Pixels;

/// <summary>
/// Finds where the image is in a frame, in this order: the Sequence of Ultrasound Regions (the union of the
/// regions that carry image data), then the device rules, else nothing, and the instance is held back. The
/// cleaner and the verifier both ask it, so both hold the pixels to the same area; neither trusts the other's
/// arithmetic on the pixels themselves.
/// </summary>
internal sealed class ImageAreaResolver(ImageAreaRules rules)
{
    /// <summary>Region Spatial Format 0: the region carries no image (often the whole screen, banner included).</summary>
    private const int NoSpatialFormat = 0;

    /// <summary>Resolves the image area of an instance.</summary>
    /// <param name="dataset">The source dataset.</param>
    /// <returns>The area and where it came from, or why none is known.</returns>
    public ImageAreaResolution Resolve(DicomDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var rows = dataset.GetInt32(DicomTags.Rows) ?? 0;
        var columns = dataset.GetInt32(DicomTags.Columns) ?? 0;
        var manufacturer = dataset.GetString(DicomTags.Manufacturer)?.Trim() ?? string.Empty;
        var model = dataset.GetString(DicomTags.ManufacturerModelName)?.Trim() ?? string.Empty;
        if (rows is < 1 or > ushort.MaxValue || columns is < 1 or > ushort.MaxValue)
        {
            return ImageAreaResolution.Unknown($"Rows {rows} and Columns {columns} do not describe a frame");
        }

        if (FromRegions(dataset, columns, rows) is { } regions)
        {
            return ImageAreaResolution.Found(regions);
        }

        var sopClassUid = dataset.GetString(DicomTags.SOPClassUID);
        if (rules.Find(manufacturer, model, rows, columns, sopClassUid) is { } rule)
        {
            return ImageAreaResolution.Found(new ImageArea(new KeptArea(columns, rows, rule.Keep), $"device rule '{rule.Name}' ({rule.File})"));
        }

        return ImageAreaResolution.Unknown(
            $"no known image area for {Named(manufacturer)} {Named(model)} {columns}x{rows}: no Sequence of Ultrasound Regions locates the image and no device rule matches (an admin can add one in image-areas/)");
    }

    private static ImageArea? FromRegions(DicomDataset dataset, int columns, int rows)
    {
        if (dataset[DicomTags.SequenceOfUltrasoundRegions] is not DicomSequence { Items.Count: > 0 } sequence)
        {
            return null;
        }

        var rectangles = new List<PixelRectangle>();
        foreach (var region in sequence.Items)
        {
            var format = region.GetInt32(DicomTags.RegionSpatialFormat);
            var x0 = region.GetInt32(DicomTags.RegionLocationMinX0);
            var y0 = region.GetInt32(DicomTags.RegionLocationMinY0);
            var x1 = region.GetInt32(DicomTags.RegionLocationMaxX1);
            var y1 = region.GetInt32(DicomTags.RegionLocationMaxY1);
            if (format is null or NoSpatialFormat || x0 is null || y0 is null || x1 is null || y1 is null || x0 > x1 || y0 > y1)
            {
                continue;
            }

            if (new PixelRectangle(x0.Value, y0.Value, x1.Value, y1.Value).ClipTo(columns, rows) is { } clipped)
            {
                rectangles.Add(clipped);
            }
        }

        var area = new KeptArea(columns, rows, rectangles);
        if (rectangles.Count == 0 || area.ContainsWhole(new PixelRectangle(0, 0, columns - 1, rows - 1)))
        {
            // No region, or regions over the whole frame: they do not say where the banner is not.
            return null;
        }

        return new ImageArea(area, $"Sequence of Ultrasound Regions ({rectangles.Count} region{(rectangles.Count == 1 ? string.Empty : "s")})");
    }

    private static string Named(string value) => value.Length == 0 ? "(unnamed)" : value;
}
