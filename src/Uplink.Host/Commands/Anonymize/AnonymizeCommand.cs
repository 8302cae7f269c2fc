using System.CommandLine;
using System.Globalization;
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

    private readonly Option<string> _profile = new("--profile") { Description = "The profile's id (see 'uplink profiles').", HelpName = "NAME", Required = true };
    private readonly Option<string> _out = new("--out") { Description = "Where the anonymized files go; files set aside are never written there.", HelpName = "DIR", Required = true };
    private readonly Option<string> _report = new("--report") { Description = "The JSON report (default: beside DIR as DIR.report.json; never inside it, it names input files).", HelpName = "FILE" };
    private readonly Option<string> _uidKey = new("--uid-key") { Description = "A file with the site's UID key (16 bytes or more); without it, new UIDs are consistent within this run only.", HelpName = "FILE" };
    private readonly Option<int> _jobs = NewJobsOption();
    private readonly Option<string> _plugins = CommonOptions.Plugins();
    private readonly Option<string> _config = CommonOptions.Config();
    private readonly Argument<string[]> _inputs = new("INPUT") { Description = "DICOM files or folders (read recursively).", Arity = ArgumentArity.OneOrMore };

    /// <inheritdoc />
    public string Name => "anonymize";

    /// <inheritdoc />
    public string Summary => "Anonymizes DICOM files with a profile into a folder, verified, with a JSON report.";

    /// <inheritdoc />
    public string Failure => "a file was set aside (it was not written), or the profile plugins could not be loaded";

    /// <inheritdoc />
    public IReadOnlyList<Symbol> Symbols => [_profile, _out, _report, _uidKey, _jobs, _plugins, _config, _inputs];

    /// <inheritdoc />
    public async Task<int> RunAsync(ParseResult parsed, CancellationToken cancellationToken)
    {
        var options = Read(parsed);

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
        var results = Run(inputs, options, profile, InstanceProcessor.WithSiteKey(key), cancellationToken);
        var seconds = time.GetElapsedTime(started).TotalSeconds;
        AnonymizeReport.Write(options.ReportPath, profile.Descriptor, inputs, results, seconds);
        await AnonymizeSummary.WriteAsync(console, profile.Descriptor, inputs, results, seconds, options.ReportPath).ConfigureAwait(false);
        return results.Any(r => r.Disposition == AnonymizationDisposition.SetAside) ? ExitCodes.Failed : ExitCodes.Success;
    }

    private static Option<int> NewJobsOption()
    {
        var jobs = new Option<int>("--jobs")
        {
            Description = "How many files are processed at once (default: one per core).",
            HelpName = "N",
            DefaultValueFactory = _ => Environment.ProcessorCount,
        };
        jobs.Validators.Add(result =>
        {
            if (result.Tokens is [{ Value: var text }] && int.TryParse(text, CultureInfo.InvariantCulture, out var n) && n < 1)
            {
                result.AddError($"--jobs must be a positive number, not '{text}'.");
            }
        });
        return jobs;
    }

    private AnonymizeOptions Read(ParseResult parsed)
    {
        var output = Path.GetFullPath(parsed.GetRequiredValue(_out));
        return new AnonymizeOptions(
            parsed.GetRequiredValue(_profile),
            output,
            parsed.GetRequiredValue(_inputs),
            parsed.GetValue(_report) ?? output.TrimEnd(Path.DirectorySeparatorChar) + ".report.json",
            parsed.GetValue(_uidKey),
            parsed.GetValue(_plugins),
            parsed.GetValue(_config),
            parsed.GetValue(_jobs));
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
