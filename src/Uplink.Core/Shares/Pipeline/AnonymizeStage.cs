using Microsoft.Extensions.Options;
using Uplink.Core.Anonymization;
using Uplink.Core.Plugins;
using Uplink.Core.Plugins.Supervision;
using Uplink.Core.Shares.Store;
using Uplink.Plugins.Abstractions.Inputs;
using Uplink.Plugins.Abstractions.Profiles;

namespace Uplink.Core.Shares.Pipeline;

/// <summary>
/// Fetched → anonymized: parse, anonymize with the active profile, verify and write into the spool,
/// keeping the audit record. Set-aside and discarded instances end here, never sent. When the anonymizer cannot
/// run at all (<see cref="AnonymizerUnavailableException"/>: the site's UID key is missing), images wait with the reason.
/// </summary>
internal sealed class AnonymizeStage(
    IActivePlugins plugins,
    IInstanceProcessor processor,
    ImageQueue queue,
    ShareSpool spool,
    ImageOutcomes outcomes,
    IOptions<PipelineOptions> options)
{
    /// <summary>The stage's name in the attempts log and the metrics.</summary>
    public const string Stage = "anonymize";

    /// <summary>Runs the stage.</summary>
    /// <param name="item">A fetched, leased image.</param>
    /// <param name="cancellationToken">Stops the work.</param>
    /// <returns>The image in its next state, or null when it was released.</returns>
    public ImageWorkItem? Run(ImageWorkItem item, CancellationToken cancellationToken)
    {
        if (!queue.Renew(item, options.Value.LeaseDuration))
        {
            outcomes.LeaseLost(item);
            return null;
        }

        if (plugins.ProfileProblem is { } problem)
        {
            outcomes.RetryUntilDone(item, Stage, null, $"no anonymization profile is available, so nothing is anonymized or sent: {problem}");
            return null;
        }

        InstanceResult result;
        try
        {
            result = processor.Process(item.SourcePath!, spool.AnonymizedPath(item.ShareId, item.Position), plugins.Profile.Instance, cancellationToken);
        }
        catch (AnonymizerUnavailableException ex)
        {
            outcomes.RetryUntilDone(item, Stage, null, $"the anonymizer is not available, so nothing is anonymized or sent: {ExceptionDisclosure.DescribeHostSetupFault(ex)}");
            return null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            outcomes.RetryOrFail(item, Stage, ExceptionDisclosure.Threw($"anonymizer ({plugins.Profile.PluginId})", ex));
            return null;
        }

        switch (result.Disposition)
        {
            case AnonymizationDisposition.SetAside:
                outcomes.Finish(item, Stage, ImageState.SetAside, result.Reason ?? "set aside by the profile");
                return null;
            case AnonymizationDisposition.Discarded:
                outcomes.Finish(item, Stage, ImageState.Discarded, result.Reason ?? "discarded by the profile");
                return null;
        }

        if (result.Output is null)
        {
            outcomes.Finish(item, Stage, ImageState.SetAside, "the anonymizer reported success without an output file");
            return null;
        }

        return outcomes.Moved(item, Stage, queue.MarkAnonymized(item, result.Output, result.AuditJson));
    }
}
