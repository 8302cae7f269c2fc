using Uplink.Core.Anonymization.Pixels;
using Uplink.Dicom;
using Uplink.Dicom.Imaging;

namespace Uplink.Core.Tests.Anonymization.Pixels;

public sealed class ImageAreaResolverTests
{
    private static readonly ImageAreaRules Rules = new([
        new ImageAreaRule("Test Voluson", "test.json", ["GE"], ["Voluson E8"], 480, 640, [], [new PixelRectangle(0, 60, 639, 479)]),
    ]);

    [Fact]
    public void The_union_of_the_image_regions_is_kept_and_a_region_without_spatial_format_is_ignored()
    {
        var dataset = Image("ACME", "X1", (1, 10, 40, 300, 200), (2, 320, 40, 600, 400), (0, 0, 0, 639, 479));

        var area = new ImageAreaResolver(Rules).Resolve(dataset).Area;

        Assert.NotNull(area);
        Assert.Equal([new PixelRectangle(10, 40, 300, 200), new PixelRectangle(320, 40, 600, 400)], area.Area.Rectangles);
        Assert.Equal("Sequence of Ultrasound Regions (2 regions)", area.Source);
    }

    [Fact]
    public void A_region_past_the_frame_is_clipped_to_it()
    {
        var area = new ImageAreaResolver(Rules).Resolve(Image("ACME", "X1", (1, 0, 120, 1100, 910))).Area;

        Assert.Equal([new PixelRectangle(0, 120, 639, 479)], area?.Area.Rectangles);
    }

    [Fact]
    public void Regions_over_the_whole_frame_say_nothing_so_the_device_rule_decides()
    {
        var area = new ImageAreaResolver(Rules).Resolve(Image("GE Healthcare", "Voluson E8", (1, 0, 0, 639, 479))).Area;

        Assert.Equal("device rule 'Test Voluson' (test.json)", area?.Source);
        Assert.Equal([new PixelRectangle(0, 60, 639, 479)], area?.Area.Rectangles);
    }

    [Fact]
    public void Without_regions_or_a_rule_the_reason_names_the_device_and_the_size()
    {
        var resolution = new ImageAreaResolver(Rules).Resolve(Image("Kretztechnik", "Voluson 730", (1, 5, 5, 3, 3)));

        Assert.Null(resolution.Area);
        Assert.StartsWith("no known image area for Kretztechnik Voluson 730 640x480", resolution.UnknownReason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_frame_without_rows_or_columns_has_no_area()
    {
        var dataset = new DicomDataset();

        Assert.StartsWith("Rows 0 and Columns 0", new ImageAreaResolver(Rules).Resolve(dataset).UnknownReason, StringComparison.Ordinal);
    }

    private static DicomDataset Image(string manufacturer, string model, params (int Format, int X0, int Y0, int X1, int Y1)[] regions)
    {
        var dataset = new DicomDataset();
        dataset.AddOrUpdate(DicomTags.Manufacturer, DicomVR.LO, manufacturer);
        dataset.AddOrUpdate(DicomTags.ManufacturerModelName, DicomVR.LO, model);
        dataset.AddOrUpdate(DicomTags.Rows, DicomVR.US, "480");
        dataset.AddOrUpdate(DicomTags.Columns, DicomVR.US, "640");
        var sequence = new DicomSequence(DicomTags.SequenceOfUltrasoundRegions);
        foreach (var (format, x0, y0, x1, y1) in regions)
        {
            var item = new DicomDataset();
            item.AddOrUpdate(DicomTags.RegionSpatialFormat, DicomVR.US, format.ToString(System.Globalization.CultureInfo.InvariantCulture));
            item.AddOrUpdate(DicomTags.RegionLocationMinX0, DicomVR.UL, x0.ToString(System.Globalization.CultureInfo.InvariantCulture));
            item.AddOrUpdate(DicomTags.RegionLocationMinY0, DicomVR.UL, y0.ToString(System.Globalization.CultureInfo.InvariantCulture));
            item.AddOrUpdate(DicomTags.RegionLocationMaxX1, DicomVR.UL, x1.ToString(System.Globalization.CultureInfo.InvariantCulture));
            item.AddOrUpdate(DicomTags.RegionLocationMaxY1, DicomVR.UL, y1.ToString(System.Globalization.CultureInfo.InvariantCulture));
            sequence.Items.Add(item);
        }

        dataset.AddOrUpdate(sequence);
        return dataset;
    }
}
