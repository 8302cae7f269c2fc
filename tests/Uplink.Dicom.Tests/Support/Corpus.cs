namespace Uplink.Dicom.Tests.Support;

/// <summary>The shared DICOM corpus (../shared/dicom-corpus in CI), found by walking up from the test binaries.</summary>
public static class Corpus
{
    private static readonly Lazy<string?> Root = new(() =>
        Uplink.Tests.Shared.RepositoryLayout.Shared("dicom-corpus") is { } folder && File.Exists(Path.Combine(folder, "MANIFEST.tsv")) ? folder : null);

    /// <summary>The corpus folder, or null when it is not on this machine.</summary>
    public static string? Folder => Root.Value;

    /// <summary>The corpus folder; skips the test when absent.</summary>
    public static string RequireFolder()
    {
        if (Folder is null)
        {
            Assert.Skip("shared/dicom-corpus was not found above the test folder ");
        }

        return Folder;
    }

    /// <summary>Rows of MANIFEST.tsv as (path, expect, dcmdump_ok, notes).</summary>
    public static IReadOnlyList<CorpusEntry> Entries()
    {
        if (Folder is null)
        {
            return [];
        }

        var lines = File.ReadAllLines(Path.Combine(Folder, "MANIFEST.tsv"));
        var header = lines[0].Split('\t').ToList();
        return [.. lines.Skip(1).Where(l => l.Length > 0).Select(l => l.Split('\t')).Select(f => new CorpusEntry(
            f[header.IndexOf("path")],
            f[header.IndexOf("transfer_syntax_uid")],
            f[header.IndexOf("expect")],
            f[header.IndexOf("dcmdump_ok")],
            f[header.IndexOf("notes")]))];
    }

    /// <summary>Theory data: the paths of the entries with the given expectation.</summary>
    public static TheoryData<string> Paths(string expect)
    {
        var data = new TheoryData<string>();
        foreach (var entry in Entries().Where(e => e.Expect == expect))
        {
            data.Add(entry.Path);
        }

        if (data.Count == 0)
        {
            data.Add("(corpus absent)");
        }

        return data;
    }
}
