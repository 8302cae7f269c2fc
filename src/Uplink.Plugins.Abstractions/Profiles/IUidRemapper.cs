namespace Uplink.Plugins.Abstractions.Profiles;

/// <summary>
/// Replaces UIDs consistently: the same original gives the same <c>2.25.</c> UID across an exam,
/// across retries and across later re-sends, from a per-site secret that never leaves the host.
/// </summary>
public interface IUidRemapper
{
    /// <summary>Maps an original UID to its replacement.</summary>
    /// <param name="originalUid">The UID found in the source.</param>
    /// <returns>A <c>2.25.</c> UID derived from a keyed hash of <paramref name="originalUid"/>.</returns>
    string Remap(string originalUid);
}
