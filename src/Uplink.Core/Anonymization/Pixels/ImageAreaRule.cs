using Uplink.Dicom.Imaging;

namespace Uplink.Core.Anonymization.Pixels;

/// <summary>
/// One device rule: for images of these manufacturers and models at this size (and optionally these SOP classes),
/// the rectangles that hold the image. Everything else in the frame is blanked.
/// </summary>
/// <param name="Name">The rule's name, unique in its file.</param>
/// <param name="File">The file it was read from, for audits and errors.</param>
/// <param name="Manufacturers">Manufacturer (0008,0070) prefixes, compared without case.</param>
/// <param name="Models">Manufacturer's Model Name (0008,1090) values, compared without case, spaces or hyphens.</param>
/// <param name="Rows">Rows the rule applies to.</param>
/// <param name="Columns">Columns the rule applies to.</param>
/// <param name="SopClasses">SOP Class UIDs the rule is limited to; empty for every class.</param>
/// <param name="Keep">The rectangles to keep.</param>
internal sealed record ImageAreaRule(
    string Name,
    string File,
    IReadOnlyList<string> Manufacturers,
    IReadOnlyList<string> Models,
    int Rows,
    int Columns,
    IReadOnlyList<string> SopClasses,
    IReadOnlyList<PixelRectangle> Keep)
{
    /// <summary>True when the rule describes images of this device, size and class.</summary>
    /// <param name="manufacturer">The image's manufacturer.</param>
    /// <param name="model">The image's model name.</param>
    /// <param name="rows">The image's rows.</param>
    /// <param name="columns">The image's columns.</param>
    /// <param name="sopClassUid">The image's SOP class.</param>
    /// <returns>Whether the rule applies.</returns>
    public bool Matches(string manufacturer, string model, int rows, int columns, string? sopClassUid) =>
        rows == Rows
        && columns == Columns
        && Manufacturers.Any(m => manufacturer.StartsWith(m, StringComparison.OrdinalIgnoreCase))
        && Models.Any(m => Normalize(m) == Normalize(model))
        && (SopClasses.Count == 0 || (sopClassUid is not null && SopClasses.Contains(sopClassUid)));

    /// <summary>A model name without case, spaces or hyphens: <c>Voluson E8</c>, <c>VOLUSON-E8</c> and <c>volusonE8</c> are one model.</summary>
    /// <param name="model">The name.</param>
    /// <returns>The normalized name.</returns>
    public static string Normalize(string model) =>
        string.Concat(model.Where(c => c is not (' ' or '-' or '_'))).ToUpperInvariant();
}
