namespace Uplink.Plugins.Abstractions.Outputs;

/// <summary>
/// Implemented by an <see cref="IOutputPlugin"/> whose destination does not take every file (contracts 1.2). The
/// host reads <see cref="Acceptance"/> and hands the output only files shaped to fit it and verified; an output
/// that does not implement it is given every instance as it was verified (<see cref="OutputAcceptance.Anything"/>).
/// </summary>
public interface IDeclaresAcceptance
{
    /// <summary>What the destination takes; read once per delivery, so it must not change while the plugin runs.</summary>
    OutputAcceptance Acceptance { get; }
}
