namespace Uplink.Plugins.Abstractions.Setup;

/// <summary>
/// Implemented by a plugin's entry class (the <see cref="IUplinkPlugin"/>) that has settings an installer gives
/// or a connection it can check (contracts 1.3). <c>uplink setup</c> asks for <see cref="Settings"/>, seals the
/// sealed ones and then runs <see cref="CheckAsync"/>; <c>uplink plugins check</c> runs the check alone. The host
/// reaches the plugin's setup only through this interface, and reads it before the plugin is configured, so a
/// plugin whose settings are still missing can be set up. A plugin that does not implement it has nothing to ask.
/// </summary>
public interface IPluginSetup
{
    /// <summary>The settings an installer gives, in the order they are asked; read once per run.</summary>
    IReadOnlyList<SetupSetting> Settings { get; }

    /// <summary>
    /// Checks the connection or credentials the settings describe (for example one authenticated request), without
    /// sending any exam. The host calls it with the plugin's settings as they are configured, sealed ones opened.
    /// </summary>
    /// <param name="context">The plugin's id, settings (sealed values opened in memory), data folder and clock.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>Whether it works and one line saying so; the line never holds a secret.</returns>
    Task<SetupCheck> CheckAsync(IPluginContext context, CancellationToken cancellationToken);
}
