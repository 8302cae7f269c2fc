using System.Security.Cryptography;
using Uplink.Core.Anonymization;
using Uplink.Host.Commands.Profiles;
using Uplink.Plugins.Abstractions.Profiles;

namespace Uplink.Host.Commands.Anonymize;

/// <summary>
/// <c>uplink anonymize --profile NAME --out DIR INPUT...</c>: every input file through the same path as the
/// service (parse, profile, independent verification, atomic write) on every core, with a JSON report. Files
/// set aside are never written to DIR, and make the exit code non-zero.
/// </summary>
internal sealed class AnonymizeCommand(ProfileCatalog catalog, TimeProvider time, ConsoleOutput console) : ICommand
{
    private const int RunKeyBytes = 32;

    /// <inheritdoc />
    public string Name => "anonymize";

    /// <inheritdoc />
    public string Summary => "Anonymizes DICOM files with a profile into a folder, verified, with a JSON report.";

    /// <inheritdoc />
    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var options = AnonymizeOptions.Parse(args, out var error);
        if (options is null)
        {
            await console.Error.WriteLineAsync($"uplink anonymize: {error}\n{AnonymizeOptions.Usage}").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        using var profiles = catalog.Load(options.PluginsFolder, options.ConfigPath, console.Error);
        if (profiles is null)
        {
            return ExitCodes.Failed;
        }

        var profile = profiles.Find(options.Profile);
        if (profile is null)
        {
            await console.Error.WriteLineAsync($"uplink anonymize: no profile '{options.Profile}'. Profiles: {profiles.Ids}").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        var inputs = AnonymizeInput.Expand(options.Inputs, out var missing);
        if (missing.Count > 0)
        {
            await console.Error.WriteLineAsync($"uplink anonymize: input not found: {string.Join(", ", missing)}").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        var key = await ReadKeyAsync(options.UidKeyPath, cancellationToken).ConfigureAwait(false);
        if (key is null)
        {
            return ExitCodes.Usage;
        }

        var started = time.GetTimestamp();
        var results = Run(inputs, options, profile, new InstanceProcessor(new HmacUidRemapper(key)), cancellationToken);
        var seconds = time.GetElapsedTime(started).TotalSeconds;
        AnonymizeReport.Write(options.ReportPath, profile.Descriptor, inputs, results, seconds);
        await AnonymizeSummary.WriteAsync(console, profile.Descriptor, inputs, results, seconds, options.ReportPath).ConfigureAwait(false);
        return results.Any(r => r.Disposition == AnonymizationDisposition.SetAside) ? ExitCodes.Failed : ExitCodes.Success;
    }

    private InstanceResult[] Run(IReadOnlyList<AnonymizeInput> inputs, AnonymizeOptions options, IAnonymizationProfile profile, InstanceProcessor processor, CancellationToken cancellationToken)
    {
        var results = new InstanceResult[inputs.Count];
        var progress = new AnonymizeProgress(console.Error, inputs.Count, AnonymizeProgress.IsTerminal);
        Parallel.For(0, inputs.Count, new ParallelOptions { MaxDegreeOfParallelism = options.Jobs, CancellationToken = cancellationToken }, i =>
        {
            var output = Path.Combine(options.OutputFolder, inputs[i].RelativePath);
            results[i] = processor.Process(inputs[i].SourcePath, output, profile, cancellationToken);
            progress.Advance(results[i].Disposition == AnonymizationDisposition.SetAside);
        });
        return results;
    }

    private async Task<byte[]?> ReadKeyAsync(string? path, CancellationToken cancellationToken)
    {
        if (path is null)
        {
            await console.Error.WriteLineAsync("uplink anonymize: no --uid-key given: new UIDs are consistent within this run only.").ConfigureAwait(false);
            return RandomNumberGenerator.GetBytes(RunKeyBytes);
        }

        try
        {
            var key = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
            if (key.Length >= 16)
            {
                return key;
            }

            await console.Error.WriteLineAsync($"uplink anonymize: the UID key file {path} has {key.Length} bytes; at least 16 are needed.").ConfigureAwait(false);
        }
        catch (IOException e)
        {
            await console.Error.WriteLineAsync($"uplink anonymize: cannot read the UID key file {path}: {e.Message}").ConfigureAwait(false);
        }

        return null;
    }
}
