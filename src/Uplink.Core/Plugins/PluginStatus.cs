namespace Uplink.Core.Plugins;

/// <summary>Where a plugin found in the plugins folder stands.</summary>
public enum PluginStatus
{
    /// <summary>Loaded and configured; its services are in use.</summary>
    Loaded,

    /// <summary>Found and acceptable, but the active configuration does not select it.</summary>
    NotActive,

    /// <summary>Selected by the configuration but not found in the plugins folder.</summary>
    Missing,

    /// <summary>Its <c>plugin.json</c> is missing or not valid.</summary>
    InvalidManifest,

    /// <summary>Built for contracts this host does not provide; refused before loading.</summary>
    IncompatibleContracts,

    /// <summary>Another folder declares the same id; every copy is refused.</summary>
    DuplicateId,

    /// <summary>Neither bundled with Uplink nor approved by an admin.</summary>
    Untrusted,

    /// <summary>A file differs from what was bundled or approved.</summary>
    Tampered,

    /// <summary>Its assemblies could not be loaded or it has no usable entry point.</summary>
    LoadFailed,

    /// <summary>It threw while registering or building its services, or lacks a declared kind.</summary>
    ConfigureFailed,

    /// <summary>Loaded, but its running work threw; it is being restarted with back-off.</summary>
    Faulted,
}
