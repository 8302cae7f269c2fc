namespace Uplink.Core.Plugins.Trust;

/// <summary>Why a plugin is trusted, or that it is not.</summary>
public enum TrustSource
{
    /// <summary>Neither bundled nor approved.</summary>
    None,

    /// <summary>Shipped with Uplink: its files match the hash list the build wrote beside the binary.</summary>
    Bundled,

    /// <summary>Approved by an admin with <c>uplink plugins trust ID</c>.</summary>
    Admin,
}
