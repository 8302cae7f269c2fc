using System.Text.Json;
using Uplink.Host.Commands;
using Uplink.Host.Commands.Inspect;

namespace Uplink.Host.Tests.Commands.Inspect;

/// <summary><c>uplink inspect</c> over the shared corpus: every valid file prints, its JSON parses, every malformed file fails.</summary>
public sealed class InspectCorpusTests
{
    private static readonly Lazy<string?> Corpus = new(() =>
        Uplink.Tests.Shared.RepositoryLayout.Shared("dicom-corpus") is { } folder && File.Exists(Path.Combine(folder, "MANIFEST.tsv")) ? folder : null);

    [Fact]
    public async Task InspectJson_EveryValidCorpusFile_IsWellFormedJsonWithFileMeta()
    {
        var files = Files("valid");
        var output = new StringWriter();
        var command = new InspectCommand(new ConsoleOutput(output, new StringWriter()));

        foreach (var file in files)
        {
            output.GetStringBuilder().Clear();
            var code = await command.RunAsync(["--json", file], TestContext.Current.CancellationToken);

            Assert.Equal(ExitCodes.Success, code);
            using var json = JsonDocument.Parse(output.ToString());
            var hasMeta = json.RootElement.TryGetProperty("00020010", out var syntax);
            Assert.True(hasMeta || file.Contains("nondicom", StringComparison.Ordinal), $"{file}: no Transfer Syntax UID");
            Assert.True(!hasMeta || syntax.GetProperty("Value")[0].GetString()!.StartsWith("1.2.840.10008.1.2", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Inspect_AllCorpusFiles_FailsExactlyTheMalformedOnesWithOneLineEach()
    {
        var valid = Files("valid");
        var malformed = Files("malformed");
        var error = new StringWriter();
        var command = new InspectCommand(new ConsoleOutput(new StringWriter(), error));

        var code = await command.RunAsync([.. valid, .. malformed], TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.Failed, code);
        var failed = error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l[..l.IndexOf(": ", StringComparison.Ordinal)]).ToList();
        Assert.Empty(failed.Intersect(valid));
        // implicit_sequence_in_un.dcm is labelled malformed but is legal CP-246 (see Uplink.Dicom.Tests).
        Assert.Equal(malformed.Where(m => !m.EndsWith("implicit_sequence_in_un.dcm", StringComparison.Ordinal)).Order(), failed.Order());
    }

    private static string[] Files(string expect)
    {
        if (Corpus.Value is null)
        {
            Assert.Skip("shared/dicom-corpus was not found above the test folder.");
        }

        return [.. File.ReadAllLines(Path.Combine(Corpus.Value, "MANIFEST.tsv")).Skip(1)
            .Select(l => l.Split('\t'))
            .Where(f => f.Length > 11 && f[11] == expect)
            .Select(f => Path.Combine(Corpus.Value, f[0]))];
    }
}
