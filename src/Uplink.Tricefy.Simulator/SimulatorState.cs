using Uplink.Tricefy.Simulator.Faults;
using Uplink.Tricefy.Simulator.Recording;
using Uplink.Tricefy.Simulator.Rules;

namespace Uplink.Tricefy.Simulator;

/// <summary>What survives a stop and restart of the simulator: its account, limits, store and fault queue.</summary>
internal sealed class SimulatorState(TricefySimulatorOptions options, string storageDirectory)
{
    public TricefySimulatorOptions Options { get; } = options;

    public string StorageDirectory { get; } = storageDirectory;

    public BasicCredentials Credentials { get; } = new(options.Email, options.Token);

    public SimulatorRecord Record { get; } = new();

    public FaultInjector Faults { get; } = new();
}
