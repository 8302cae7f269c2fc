using Microsoft.Extensions.DependencyInjection;
using Uplink.Output.Tricefy;
using Uplink.Plugins.Abstractions.Outputs;
using Uplink.Tricefy.Simulator;

namespace Uplink.Plugins.Tests.Support;

/// <summary>A running Tricefy simulator, a temp folder, and a Tricefy output configured against them the way the host would.</summary>
internal sealed class SimulatorScope : IAsyncDisposable
{
    private SimulatorScope(TricefySimulator simulator, TempFolder temp)
    {
        Simulator = simulator;
        Temp = temp;
    }

    public TricefySimulator Simulator { get; }

    public TempFolder Temp { get; }

    public static async Task<SimulatorScope> StartAsync(TricefySimulatorOptions? options = null)
    {
        var temp = new TempFolder("uplink-tricefy");
        var simulator = await TricefySimulator.StartAsync(options, TestContext.Current.CancellationToken);
        return new SimulatorScope(simulator, temp);
    }

    public Dictionary<string, string?> Settings(string? token = null) => new()
    {
        ["Endpoint"] = Simulator.StudiesEndpoint.ToString(),
        ["ShareEndpoint"] = Simulator.ShareEndpoint.ToString(),
        ["Email"] = Simulator.Options.Email,
        ["Token"] = token ?? Simulator.Options.Token,
        // Generous: the output makes one attempt (the host owns retries), and a loaded test machine is slow to answer at first.
        ["RequestTimeout"] = "00:00:20",
        ["BreakDuration"] = "00:00:01",
    };

    public IOutputPlugin CreateOutput(IDictionary<string, string?>? overrides = null, string dataFolder = "data", TimeProvider? time = null)
    {
        var settings = Settings();
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var data = Temp.Combine(dataFolder);
        Directory.CreateDirectory(data);
        var services = new ServiceCollection();
        new TricefyPlugin().ConfigureServices(services, new TestPluginContext("tricefy", settings, data, time));
        return services.BuildServiceProvider().GetRequiredService<IOutputPlugin>();
    }

    public OutboundInstance Instance(string sopInstanceUid, int pixelBytes = 4096, string sopClassUid = MinimalPart10.UltrasoundImage, string transferSyntaxUid = MinimalPart10.ExplicitVRLittleEndian, string shareId = "share-1")
    {
        var path = MinimalPart10.Write(Temp.Combine($"{sopInstanceUid}.dcm"), sopInstanceUid, pixelBytes, sopClassUid, transferSyntaxUid);
        return new OutboundInstance(shareId, $"{shareId}/{sopInstanceUid}", path, new FileInfo(path).Length, sopClassUid, sopInstanceUid, "2.25.1", "2.25.2", transferSyntaxUid);
    }

    public async ValueTask DisposeAsync()
    {
        await Simulator.DisposeAsync();
        Temp.Dispose();
    }
}
