using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Uplink.Dicom;

namespace Uplink.Host.Commands.Inspect;

/// <summary>Writes a file as the DICOM JSON model (PS3.18 F.2), File Meta included. Values kept on disk and
/// pixel data and binary values over 1 KiB are given by length only, as <c>"BulkDataURI": "bulkdata:length=N"</c>.</summary>
internal static class InspectJsonWriter
{
    private const int MaxInlineBinary = 1024;

    public static string Write(DicomFile file)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            WriteItems(json, file.FileMetaInformation);
            WriteItems(json, file.Dataset);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteItems(Utf8JsonWriter json, DicomDataset dataset)
    {
        foreach (var item in dataset)
        {
            json.WriteStartObject($"{item.Tag.Group:X4}{item.Tag.Element:X4}");
            json.WriteString("vr", item.VR == DicomVR.None ? "UN" : item.VR.ToString());
            switch (item)
            {
                case DicomSequence sequence:
                    if (sequence.Items.Count > 0)
                    {
                        json.WriteStartArray("Value");
                        foreach (var child in sequence.Items)
                        {
                            json.WriteStartObject();
                            WriteItems(json, child);
                            json.WriteEndObject();
                        }

                        json.WriteEndArray();
                    }

                    break;
                case DicomFragmentSequence fragments:
                    json.WriteString("BulkDataURI", $"bulkdata:length={fragments.Fragments.Sum(f => f.Length)}");
                    break;
                case DicomElement element:
                    WriteElement(json, dataset, element);
                    break;
            }

            json.WriteEndObject();
        }
    }

    private static void WriteElement(Utf8JsonWriter json, DicomDataset dataset, DicomElement element)
    {
        if (element.IsBulk || element.Tag.Group == 0x7FE0 || (element.Length > MaxInlineBinary && dataset.GetString(element.Tag) is null))
        {
            json.WriteString("BulkDataURI", $"bulkdata:length={element.Length}");
            return;
        }

        if (element.Length == 0)
        {
            return;
        }

        var values = dataset.GetStrings(element.Tag);
        if (dataset.GetString(element.Tag) is null)
        {
            json.WriteBase64String("InlineBinary", element.Bytes.Span);
            return;
        }

        if (values.Length == 0 || values.All(v => v.Length == 0))
        {
            return;
        }

        json.WriteStartArray("Value");
        foreach (var value in values)
        {
            WriteValue(json, element.VR, value);
        }

        json.WriteEndArray();
    }

    private static void WriteValue(Utf8JsonWriter json, DicomVR vr, string value)
    {
        switch (vr)
        {
            case DicomVR.PN:
                if (value.Length == 0)
                {
                    json.WriteNullValue();
                    break;
                }

                var groups = value.Split('=');
                json.WriteStartObject();
                string[] names = ["Alphabetic", "Ideographic", "Phonetic"];
                for (var i = 0; i < Math.Min(groups.Length, names.Length); i++)
                {
                    if (groups[i].Length > 0)
                    {
                        json.WriteString(names[i], groups[i]);
                    }
                }

                json.WriteEndObject();
                break;
            case DicomVR.AT:
                json.WriteStringValue(value.Replace("(", string.Empty, StringComparison.Ordinal)
                    .Replace(",", string.Empty, StringComparison.Ordinal).Replace(")", string.Empty, StringComparison.Ordinal));
                break;
            case DicomVR.IS or DicomVR.SV or DicomVR.US or DicomVR.SS or DicomVR.UL or DicomVR.SL
                when long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var integer):
                json.WriteNumberValue(integer);
                break;
            case DicomVR.UV when ulong.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var unsigned):
                json.WriteNumberValue(unsigned);
                break;
            case DicomVR.DS or DicomVR.FL or DicomVR.FD
                when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number):
                json.WriteNumberValue(number);
                break;
            default:
                if (value.Length == 0)
                {
                    json.WriteNullValue();
                }
                else
                {
                    json.WriteStringValue(value);
                }

                break;
        }
    }
}
