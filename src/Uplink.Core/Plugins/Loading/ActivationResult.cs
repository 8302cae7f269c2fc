namespace Uplink.Core.Plugins.Loading;

/// <summary>The outcome of loading and configuring one plugin.</summary>
/// <param name="Plugin">The loaded plugin, when it worked.</param>
/// <param name="Status"><see cref="PluginStatus.Loaded"/>, <see cref="PluginStatus.LoadFailed"/> or <see cref="PluginStatus.ConfigureFailed"/>.</param>
/// <param name="Reason">Why it was refused.</param>
internal sealed record ActivationResult(LoadedPlugin? Plugin, PluginStatus Status, string? Reason)
{
    /// <summary>The plugin's guarded setup when its entry class implements the setup contract, also when configuring failed.</summary>
    public Supervision.GuardedPluginSetup? Setup { get; init; }

    /// <summary>A refusal.</summary>
    /// <param name="status">The status.</param>
    /// <param name="reason">Why.</param>
    /// <returns>The result.</returns>
    public static ActivationResult Refused(PluginStatus status, string reason) => new(null, status, reason);
}
