using Uplink.Core.Plugins.Manifest;

namespace Uplink.Core.Plugins.Trust;

/// <summary>Decides whether a plugin folder may load: its files must match a bundled list or an admin's approval.</summary>
/// <param name="bundled">The hash lists shipped with Uplink.</param>
/// <param name="store">The admin's approvals.</param>
/// <param name="time">The clock for new approvals.</param>
internal sealed class PluginTrust(BundledPluginList bundled, TrustStore store, TimeProvider time)
{
    /// <summary>Checks a plugin folder.</summary>
    /// <param name="manifest">Its manifest.</param>
    /// <param name="directory">Its folder.</param>
    /// <returns>The decision; a refusal names the files that differ.</returns>
    public TrustDecision Check(PluginManifest manifest, string directory)
    {
        var bundledHashes = bundled.Find(manifest.Id);
        var approval = store.Find(manifest.Id);
        if (bundledHashes is null && approval is null)
        {
            return new TrustDecision(TrustSource.None, $"neither bundled with Uplink nor approved; an admin can approve it with 'uplink plugins trust {manifest.Id}'", Tampered: false);
        }

        var actual = PluginFileHashes.Compute(directory);
        IReadOnlyList<string>? bundledProblems = null;
        if (bundledHashes is not null)
        {
            bundledProblems = PluginFileHashes.Differences(bundledHashes, actual);
            if (bundledProblems.Count == 0)
            {
                return new TrustDecision(TrustSource.Bundled, null, Tampered: false);
            }
        }

        if (approval is not null)
        {
            var problems = PluginFileHashes.Differences(approval.Files, actual);
            return problems.Count == 0
                ? new TrustDecision(TrustSource.Admin, null, Tampered: false)
                : new TrustDecision(TrustSource.None, $"{string.Join("; ", problems)} since an admin approved it on {approval.TrustedAt:yyyy-MM-dd}", Tampered: true);
        }

        return new TrustDecision(TrustSource.None, $"{string.Join("; ", bundledProblems!)} compared to the files shipped with Uplink", Tampered: true);
    }

    /// <summary>Records an admin's approval of a plugin folder as it is now.</summary>
    /// <param name="manifest">Its manifest.</param>
    /// <param name="directory">Its folder.</param>
    /// <returns>The record written.</returns>
    public TrustRecord Approve(PluginManifest manifest, string directory)
    {
        var record = new TrustRecord(manifest.Id, manifest.Version, time.GetUtcNow(), PluginFileHashes.Compute(directory));
        store.Save(record);
        return record;
    }
}
