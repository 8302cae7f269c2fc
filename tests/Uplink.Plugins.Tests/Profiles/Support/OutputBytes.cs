using System.Text;
using Uplink.Dicom;

namespace Uplink.Plugins.Tests.Profiles.Support;

/// <summary>The test's own look at output bytes, written apart from the host's verifier.</summary>
internal static class OutputBytes
{
    /// <summary>The file's bytes with the given pixel bytes cut out (they may legitimately hold burned-in text).</summary>
    public static byte[] OutsidePixelData(string path, byte[] pixels)
    {
        var bytes = File.ReadAllBytes(path);
        var at = bytes.AsSpan().IndexOf(pixels);
        Assert.True(at >= 0, "the pixel data must pass through byte for byte");
        return [.. bytes.AsSpan(0, at), .. bytes.AsSpan(at + pixels.Length)];
    }

    /// <summary>Every planted value of a source, as byte strings: raw values containing "lant", planted UIDs and dates, and each name component in the source's character set.</summary>
    public static IReadOnlyList<(string What, byte[] Bytes)> Planted(DicomFile source)
    {
        var found = new List<(string, byte[])>();
        Collect(source.Dataset, found);
        foreach (var text in new[] { PlantedPhi.StudyUid, PlantedPhi.SeriesUid, PlantedPhi.InstanceUid, PlantedPhi.FrameOfReferenceUid, PlantedPhi.ReferencedUid, PlantedPhi.BirthDate, PlantedPhi.StudyDate, "20231224", "101530" })
        {
            found.Add((text, Encoding.ASCII.GetBytes(text)));
        }

        return found;
    }

    private static void Collect(DicomDataset dataset, List<(string, byte[])> found)
    {
        foreach (var item in dataset)
        {
            if (item is DicomSequence sequence)
            {
                foreach (var child in sequence.Items)
                {
                    Collect(child, found);
                }
            }
            else if (item is DicomElement { IsBulk: false } element && item.Tag != DicomTags.PixelData)
            {
                var raw = element.Bytes.ToArray();
                var latin = Encoding.Latin1.GetString(raw);
                if (latin.Contains("lant", StringComparison.OrdinalIgnoreCase) || latin.Contains("LANT", StringComparison.Ordinal))
                {
                    found.Add(($"{item.Tag} raw", raw.AsSpan().TrimEnd((byte)' ').ToArray()));
                    if (item.VR == DicomVR.PN)
                    {
                        AddComponents(dataset, item.Tag, found);
                    }
                }
            }
        }
    }

    private static void AddComponents(DicomDataset dataset, DicomTag tag, List<(string, byte[])> found)
    {
        foreach (var component in (dataset.GetString(tag) ?? string.Empty).Split('^', '='))
        {
            if (component.Length < 2 || (component.All(char.IsAscii) && component.Length < 4))
            {
                continue;
            }

            var scratch = new DicomDataset();
            if (dataset.SpecificCharacterSet is { } characterSet)
            {
                scratch.AddOrUpdate(DicomTags.SpecificCharacterSet, DicomVR.CS, characterSet);
            }

            scratch.AddOrUpdate(DicomTags.PatientName, DicomVR.PN, component);
            found.Add(($"{tag} component", ((DicomElement)scratch[DicomTags.PatientName]!).Bytes.ToArray().AsSpan().TrimEnd((byte)' ').ToArray()));
            found.Add(($"{tag} component utf8", Encoding.UTF8.GetBytes(component)));
        }
    }
}
