using System.Globalization;
using Uplink.Dicom;

namespace Uplink.Host.Commands.Inspect;

/// <summary>Writes a file as dcmdump-like lines: tag, VR, value, length and keyword; items indented.</summary>
internal static class InspectDumpWriter
{
    private const int MaxShownBytes = 16;
    private const int MaxShownText = 64;

    public static void Write(DicomFile file, string path, TextWriter output)
    {
        output.WriteLine($"# File: {path}");
        output.WriteLine($"# Transfer Syntax: {file.TransferSyntax}");
        output.WriteLine("# File Meta Information");
        WriteDataset(file.FileMetaInformation, output, 0);
        output.WriteLine("# Dataset");
        WriteDataset(file.Dataset, output, 0);
        output.WriteLine();
    }

    private static void WriteDataset(DicomDataset dataset, TextWriter output, int depth)
    {
        var indent = new string(' ', depth * 2);
        foreach (var item in dataset)
        {
            var keyword = Keyword(dataset, item.Tag);
            switch (item)
            {
                case DicomElement element:
                    output.WriteLine($"{indent}{item.Tag} {item.VR} {Value(dataset, element),-42} # {element.Length,7} {keyword}".TrimEnd());
                    break;
                case DicomSequence sequence:
                    output.WriteLine($"{indent}{item.Tag} SQ {$"(Sequence, {Plural(sequence.Items.Count, "item")})",-42} # {"",7} {keyword}".TrimEnd());
                    for (var i = 0; i < sequence.Items.Count; i++)
                    {
                        output.WriteLine($"{indent}  (FFFE,E000) Item #{i + 1}");
                        WriteDataset(sequence.Items[i], output, depth + 2);
                    }

                    break;
                case DicomFragmentSequence fragments:
                    var total = fragments.Fragments.Sum(f => f.Length);
                    var text = $"(Encapsulated, {Plural(fragments.Fragments.Count, "fragment")}, {total} bytes)";
                    output.WriteLine($"{indent}{item.Tag} {item.VR} {text,-42} # {"",7} {keyword}".TrimEnd());
                    for (var i = 0; i < fragments.Fragments.Count; i++)
                    {
                        var role = i == 0 ? "Basic Offset Table" : $"Fragment #{i}";
                        output.WriteLine($"{indent}  (FFFE,E000) {role}, {fragments.Fragments[i].Length} bytes");
                    }

                    break;
            }
        }
    }

    private static string Value(DicomDataset dataset, DicomElement element)
    {
        if (element.IsBulk)
        {
            return $"(bulk data, {element.Length} bytes)";
        }

        var text = dataset.GetString(element.Tag);
        if (text is not null)
        {
            if (element.VR is DicomVR.US or DicomVR.SS or DicomVR.UL or DicomVR.SL or DicomVR.FL or DicomVR.FD
                or DicomVR.SV or DicomVR.UV or DicomVR.AT)
            {
                return text.Length == 0 ? "(no value)" : Shorten(text);
            }

            return text.Length == 0 ? "(no value)" : $"[{Shorten(text)}]";
        }

        var bytes = element.Bytes.Span;
        if (bytes.IsEmpty)
        {
            return "(no value)";
        }

        var shown = string.Join('\\', bytes[..Math.Min(bytes.Length, MaxShownBytes)].ToArray().Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));
        return bytes.Length > MaxShownBytes ? shown + "..." : shown;
    }

    private static string Shorten(string text)
    {
        var single = text.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
        return single.Length > MaxShownText ? single[..MaxShownText] + "..." : single;
    }

    private static string Keyword(DicomDataset dataset, DicomTag tag)
    {
        if (DicomDictionary.Lookup(tag)?.Keyword is { Length: > 0 } known)
        {
            return known;
        }

        if (tag.Element == 0)
        {
            return "GroupLength";
        }

        if (tag.IsPrivateCreator)
        {
            return "PrivateCreator";
        }

        if (tag.IsPrivate)
        {
            return dataset.GetPrivateCreator(tag) is { Length: > 0 } creator ? $"Private [{creator}]" : "Private";
        }

        return "Unknown";
    }

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
