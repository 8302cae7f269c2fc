using System.Globalization;
using System.Reflection;

namespace Uplink.Dicom.Tests;

/// <summary>The checked-in generated dictionary matches shared/dicom-standard/dictionary.tsv (rerun Dictionary/generate.py when not).</summary>
public sealed class DictionaryGenerationTests
{
    [Fact]
    public void EveryDictionaryRow_IsInDicomDictionaryAndEveryFixedTagInDicomTags()
    {
        var table = FindTable();
        var rows = File.ReadAllLines(table).Skip(1).Select(l => l.Split('\t')).ToList();
        var checkedFields = 0;

        foreach (var row in rows.Where(r => r[3].Length > 0))
        {
            var entry = DicomDictionary.LookupKeyword(row[3]);
            Assert.NotNull(entry);
            var vr = row[1].Length >= 2 && Enum.TryParse<DicomVR>(row[1][..2], out var first) ? first : DicomVR.None;
            Assert.Equal(vr, entry.VR);
            Assert.Equal(row[2], entry.VM);
            Assert.Equal(row[5] == "Y", entry.IsRetired);
            if (!row[0].Contains('x', StringComparison.Ordinal))
            {
                var tag = DicomTag.FromValue(uint.Parse(row[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                Assert.Equal(tag, entry.Tag);
                Assert.Equal(tag, (DicomTag)typeof(DicomTags).GetField(row[3], BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!);
                checkedFields++;
            }
        }

        Assert.Equal(checkedFields, typeof(DicomTags).GetFields(BindingFlags.Public | BindingFlags.Static).Length);
    }

    private static string FindTable()
    {
        var table = Uplink.Tests.Shared.RepositoryLayout.Shared("dicom-standard") is { } folder ? Path.Combine(folder, "dictionary.tsv") : null;
        if (table is null || !File.Exists(table))
        {
            Assert.Skip("shared/dicom-standard/dictionary.tsv was not found above the test folder.");
        }

        return table;
    }
}
