using System.CommandLine;
using Uplink.Core.Anonymization.Pixels;
using Uplink.Dicom;
using Uplink.Dicom.Imaging;

namespace Uplink.Host.Commands.Inspect;

/// <summary><c>uplink inspect [--json] FILE...</c>: prints each file's elements like dcmdump, or as the DICOM JSON model
/// (an array of dataset objects when several files are given); <c>--png OUT.png [--frame N]</c> renders a frame to look at.</summary>
internal sealed class InspectCommand(ConsoleOutput console) : ICommand
{
    private readonly Option<bool> _json = new("--json") { Description = "Print the DICOM JSON model (PS3.18 F.2); several files make an array." };
    private readonly Option<string?> _png = new("--png") { Description = "Also render a frame of the file to this PNG (native, RLE Lossless or JPEG Baseline pixel data); one FILE only." };
    private readonly Option<int> _frame = new("--frame") { Description = "The frame --png renders, from 0.", DefaultValueFactory = _ => 0 };
    private readonly Argument<string[]> _files = new("FILE") { Description = "DICOM Part 10 files.", Arity = ArgumentArity.OneOrMore };

    /// <inheritdoc />
    public string Name => "inspect";

    /// <inheritdoc />
    public string Summary => "Prints DICOM files element by element (--json: the PS3.18 JSON model).";

    /// <inheritdoc />
    public string Failure => "a file could not be read or is not valid DICOM (named on standard error)";

    /// <inheritdoc />
    public IReadOnlyList<Symbol> Symbols => [_json, _png, _frame, _files];

    /// <inheritdoc />
    public async Task<int> RunAsync(ParseResult parsed, CancellationToken cancellationToken)
    {
        var json = parsed.GetValue(_json);
        var files = parsed.GetRequiredValue(_files);
        if (parsed.GetValue(_png) is { } png)
        {
            return files.Length == 1
                ? await RenderAsync(files[0], parsed.GetValue(_frame), png).ConfigureAwait(false)
                : await UsageAsync("--png renders one file; give exactly one FILE").ConfigureAwait(false);
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
            var text = files.Length == 1 ? documents[0] : $"[\n{string.Join(",\n", documents)}\n]";
            await console.Out.WriteLineAsync(text).ConfigureAwait(false);
        }

        return failed == 0 ? ExitCodes.Success : ExitCodes.Failed;
    }

    private async Task<int> RenderAsync(string path, int frame, string png)
    {
        try
        {
            using var file = DicomFile.Open(path);
            FramePicture.Render(file, frame).SavePng(png);
            await console.Out.WriteLineAsync($"{path}: frame {frame} written to {png}").ConfigureAwait(false);
            return ExitCodes.Success;
        }
        catch (Exception error) when (error is DicomFormatException or PixelDataException or IOException or UnauthorizedAccessException)
        {
            await console.Error.WriteLineAsync($"{path}: {error.Message}").ConfigureAwait(false);
            return ExitCodes.Failed;
        }
    }

    private async Task<int> UsageAsync(string message)
    {
        await console.Error.WriteLineAsync($"uplink inspect: {message}").ConfigureAwait(false);
        return ExitCodes.Usage;
    }
}
