using System.CommandLine;
using Uplink.Core.Plugins;
using Uplink.Core.Plugins.Trust;
using Uplink.Host.Hosting;

namespace Uplink.Host.Commands.Plugins;

/// <summary>
/// <c>uplink plugins trust ID [--config FILE]</c>: an admin approves a drop-in plugin. The SHA-256 of
/// every file in its folder goes into the trust store; any later change makes the host refuse it.
/// </summary>
/// <param name="console">Where to print.</param>
/// <param name="time">The clock for the approval's date.</param>
internal sealed class PluginsTrustCommand(ConsoleOutput console, TimeProvider time) : ICommand
{
    private readonly Argument<string> _id = new("ID") { Description = "The plugin's id, as 'uplink plugins' lists it." };
    private readonly Option<string> _config = CommonOptions.Config();

    /// <inheritdoc />
    public string Name => "plugins trust";

    /// <inheritdoc />
    public string Summary => "Approves a plugin: records the SHA-256 of every file in its folder.";

    /// <inheritdoc />
    public string Failure => "no such plugin, it cannot be read, or there is no configuration";

    /// <inheritdoc />
    public IReadOnlyList<Symbol> Symbols => [_id, _config];

    /// <inheritdoc />
    public async Task<int> RunAsync(ParseResult parsed, CancellationToken cancellationToken)
    {
        UplinkConfigurationSource source;
        try
        {
            source = UplinkConfigurationSource.Load(parsed.GetValue(_config));
        }
        catch (FileNotFoundException ex)
        {
            await console.Error.WriteLineAsync($"uplink plugins trust: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.Failed;
        }

        var id = parsed.GetRequiredValue(_id);
        var settings = source.HostSettings;
        var matches = PluginCatalog.Discover(settings.PluginsDirectory)
            .Where(c => string.Equals(c.Id, id, StringComparison.OrdinalIgnoreCase))
            .ToList();
        if (matches.Count != 1 || matches[0].Manifest is null || matches[0].Refusal == PluginStatus.DuplicateId)
        {
            var why = matches.Count == 0 ? $"no plugin with id '{id}' in {settings.PluginsDirectory}" : matches[0].Reason;
            await console.Error.WriteLineAsync($"uplink plugins trust: {why}").ConfigureAwait(false);
            return ExitCodes.Failed;
        }

        var candidate = matches[0];
        var trust = new PluginTrust(new BundledPluginList(settings.BundledDirectory), TrustStore.InDataDirectory(settings.DataDirectory), time);
        var record = trust.Approve(candidate.Manifest!, candidate.Directory);
        await console.Out.WriteLineAsync($"Trusted {record.PluginId} {record.Version}: {record.Files.Count} file(s) in {candidate.Directory} recorded in {TrustStore.InDataDirectory(settings.DataDirectory).Path}.").ConfigureAwait(false);
        if (candidate.Refusal is { } refusal)
        {
            await console.Out.WriteLineAsync($"Note: it will still not load ({refusal}): {candidate.Reason}").ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }
}
