using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Uplink.Tricefy.Simulator.Endpoints;
using Uplink.Tricefy.Simulator.Faults;
using Uplink.Tricefy.Simulator.Recording;

namespace Uplink.Tricefy.Simulator;

/// <summary>
/// A Kestrel server on 127.0.0.1 that behaves like Tricefy's published DICOMweb upload endpoint,
/// plus Uplink's documented patient-share hand-off. It can be stopped and restarted on the same
/// port (an outage) without losing what it stored, and fails on request through <see cref="Faults"/>.
/// </summary>
public sealed class TricefySimulator : IAsyncDisposable
{
    private readonly SimulatorState _state;
    private readonly bool _ownsStorage;
    private WebApplication? _app;

    private TricefySimulator(SimulatorState state, bool ownsStorage, int port)
    {
        _state = state;
        _ownsStorage = ownsStorage;
        Port = port;
    }

    /// <summary>The port it listens on (kept across restarts).</summary>
    public int Port { get; private set; }

    /// <summary>Whether it is listening now.</summary>
    public bool IsRunning => _app is not null;

    /// <summary><c>http://127.0.0.1:{port}/</c>.</summary>
    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    /// <summary>The upload endpoint, the simulator's <c>https://tricefy4.com/dicomweb/studies</c>.</summary>
    public Uri StudiesEndpoint => new(BaseAddress, "dicomweb/studies");

    /// <summary>The patient-share hand-off endpoint (see <c>docs/tricefy.md</c>).</summary>
    public Uri ShareEndpoint => new(BaseAddress, "uplink/shares");

    /// <summary>The folder holding the stored files.</summary>
    public string StorageDirectory => _state.StorageDirectory;

    /// <summary>The account and limits it enforces.</summary>
    public TricefySimulatorOptions Options => _state.Options;

    /// <summary>Faults to apply to the next requests.</summary>
    public FaultInjector Faults => _state.Faults;

    /// <summary>What it received.</summary>
    public SimulatorRecord Received => _state.Record;

    /// <summary>Starts a simulator.</summary>
    /// <param name="options">Account, port and limits; defaults when null.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running simulator.</returns>
    public static async Task<TricefySimulator> StartAsync(TricefySimulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new TricefySimulatorOptions();
        var storage = options.StorageDirectory ?? Path.Combine(Path.GetTempPath(), $"tricefy-sim-{Guid.NewGuid():N}");
        Directory.CreateDirectory(storage);
        var simulator = new TricefySimulator(new SimulatorState(options, storage), options.StorageDirectory is null, options.Port);
        await simulator.RestartAsync(cancellationToken).ConfigureAwait(false);
        return simulator;
    }

    /// <summary>Stops listening (an outage); what was stored is kept.</summary>
    /// <param name="cancellationToken">Cancels the graceful part of the stop.</param>
    /// <returns>A task.</returns>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        var app = Interlocked.Exchange(ref _app, null);
        if (app is not null)
        {
            await app.StopAsync(cancellationToken).ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Listens again, on the same port once one has been picked.</summary>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>A task.</returns>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        if (_app is not null)
        {
            return;
        }

        var app = Build(_state, Port);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredServiceFeature().Addresses.First();
        Port = new Uri(address).Port;
        _app = app;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        if (_ownsStorage && Directory.Exists(_state.StorageDirectory))
        {
            Directory.Delete(_state.StorageDirectory, recursive: true);
        }
    }

    private static WebApplication Build(SimulatorState state, int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = null;
            kestrel.Listen(IPAddress.Loopback, port);
        });
        var app = builder.Build();
        var studies = new StudiesEndpoint(state);
        var shares = new SharesEndpoint(state);
        var control = new ControlEndpoint(state);
        app.MapGet("/dicomweb/studies", new RequestDelegate(studies.GetAsync));
        app.MapPost("/dicomweb/studies", new RequestDelegate(studies.PostAsync));
        app.MapPost("/uplink/shares", new RequestDelegate(shares.PostAsync));
        app.MapPost("/_simulator/faults/{kind}", new RequestDelegate(control.PostFaultAsync));
        app.MapGet("/_simulator/received", new RequestDelegate(control.GetSummaryAsync));
        return app;
    }
}
