using Uplink.Dicom;

namespace Uplink.Host.Commands.Inspect;

/// <summary><c>uplink inspect [--json] FILE...</c>: prints each file's elements like dcmdump, or as the DICOM JSON model
/// (an array of dataset objects when several files are given).</summary>
internal sealed class InspectCommand(ConsoleOutput console) : ICommand
{
    public string Name => "inspect";

    public string Summary => "Prints DICOM files element by element (--json: the PS3.18 JSON model).";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var json = args.Contains("--json");
        var files = args.Where(a => a != "--json").ToList();
        if (files.Count == 0 || files.Any(f => f.StartsWith("--", StringComparison.Ordinal)))
        {
            await console.Error.WriteLineAsync("usage: uplink inspect [--json] FILE...").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        var failed = 0;
        var documents = new List<string>();
        foreach (var path in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            DicomFile file;
            try
            {
                file = DicomFile.Open(path);
            }
            catch (Exception error) when (error is DicomFormatException or IOException or UnauthorizedAccessException)
            {
                failed++;
                await console.Error.WriteLineAsync($"{path}: {error.Message}").ConfigureAwait(false);
                continue;
            }

            using (file)
            {
                if (json)
                {
                    documents.Add(InspectJsonWriter.Write(file));
                }
                else
                {
                    InspectDumpWriter.Write(file, path, console.Out);
                }
            }
        }

        if (json && documents.Count > 0)
        {
            // One file: its dataset object. Several: an array of them, as in a DICOMweb JSON response.
            var text = files.Count == 1 ? documents[0] : $"[\n{string.Join(",\n", documents)}\n]";
            await console.Out.WriteLineAsync(text).ConfigureAwait(false);
        }

        return failed == 0 ? ExitCodes.Success : ExitCodes.Failed;
    }
}
