namespace Uplink.Core.Plugins.Trust;

/// <summary>The outcome of checking a plugin folder against its trust records.</summary>
/// <param name="Source">Bundled, admin-approved, or none.</param>
/// <param name="Problem">When not trusted: why (which file changed, or that no record exists).</param>
/// <param name="Tampered">True when a record exists but a file differs from it.</param>
public sealed record TrustDecision(TrustSource Source, string? Problem, bool Tampered)
{
    /// <summary>Whether the plugin may load.</summary>
    public bool IsTrusted => Source != TrustSource.None;
}
