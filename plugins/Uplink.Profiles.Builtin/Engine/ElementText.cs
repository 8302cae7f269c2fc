using System.Text;
using Uplink.Dicom;

namespace Uplink.Profiles.Builtin.Engine;

/// <summary>Reads and writes the text of the elements the rules transform (UIDs, dates, times), including ones stored as UN.</summary>
internal static class ElementText
{
    /// <summary>The element's text: through the character set, or as ASCII for a UN element.</summary>
    /// <param name="dataset">The dataset holding it.</param>
    /// <param name="element">The element.</param>
    /// <returns>The text with padding trimmed.</returns>
    public static string Read(DicomDataset dataset, DicomElement element) =>
        element.VR == DicomVR.UN
            ? Encoding.Latin1.GetString(element.Bytes.Span).TrimEnd('\0', ' ')
            : dataset.GetString(element.Tag) ?? string.Empty;

    /// <summary>Writes text with the dictionary's VR when the element was UN.</summary>
    /// <param name="dataset">The dataset.</param>
    /// <param name="tag">The tag.</param>
    /// <param name="vr">The element's VR.</param>
    /// <param name="value">The new value.</param>
    public static void Write(DicomDataset dataset, DicomTag tag, DicomVR vr, string value) =>
        dataset.AddOrUpdate(tag, VrFor(tag, vr), value);

    /// <summary>The VR to write: the element's own, or the dictionary's when it was UN or absent.</summary>
    /// <param name="tag">The tag.</param>
    /// <param name="vr">The VR found, or <see cref="DicomVR.None"/>.</param>
    /// <returns>The VR.</returns>
    public static DicomVR VrFor(DicomTag tag, DicomVR vr) =>
        vr is DicomVR.UN or DicomVR.None ? DicomDictionary.Lookup(tag)?.VR ?? DicomVR.LO : vr;
}
