using System.Runtime.InteropServices;
using Uplink.Tricefy.Simulator;

namespace Uplink.Host.Commands.Tricefy;

/// <summary>
/// <c>uplink tricefy simulate [--port N] [--email E] [--token T] [--storage DIR] [--max-bytes N]</c>:
/// runs the Tricefy simulator on 127.0.0.1 until Ctrl-C or SIGTERM, for the demo and manual runs. Faults are
/// injected with <c>POST /_simulator/faults/{kind}?count=N&amp;delayMs=M</c>.
/// </summary>
internal sealed class TricefySimulateCommand(ConsoleOutput console) : ICommand
{
    private static readonly HashSet<string> Options = ["--port", "--email", "--token", "--storage", "--max-bytes"];

    public string Name => "tricefy simulate";

    public string Summary => "Runs the Tricefy upload simulator on 127.0.0.1 until Ctrl-C.";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var parsed = TricefyArguments.Parse(args, Options, new HashSet<string>(), out var error);
        var port = parsed?.GetInt("--port", out error);
        var maxBytes = error is null ? parsed?.GetInt("--max-bytes", out error) : null;
        if (parsed is null || error is not null || port is < 0 or > 65535)
        {
            await console.Error.WriteLineAsync($"uplink tricefy simulate: {error ?? "--port must be 0..65535"}.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        var defaults = new TricefySimulatorOptions();
        var options = defaults with
        {
            Port = port ?? 0,
            Email = parsed.Get("--email") ?? defaults.Email,
            Token = parsed.Get("--token") ?? defaults.Token,
            StorageDirectory = parsed.Get("--storage"),
            MaxFileBytes = maxBytes ?? defaults.MaxFileBytes,
        };
        await using var simulator = await TricefySimulator.StartAsync(options, cancellationToken).ConfigureAwait(false);
        await console.Out.WriteLineAsync($"Tricefy simulator listening: upload endpoint {simulator.StudiesEndpoint}").ConfigureAwait(false);
        await console.Out.WriteLineAsync($"  share hand-off {simulator.ShareEndpoint}; account {options.Email}; storage {simulator.StorageDirectory}").ConfigureAwait(false);
        await console.Out.WriteLineAsync($"  faults: POST {simulator.BaseAddress}_simulator/faults/{{ServiceUnavailable|SlowResponse|DropConnection|Unauthorized}}?count=N&delayMs=M").ConfigureAwait(false);
        await console.Out.WriteLineAsync("Press Ctrl-C to stop.").ConfigureAwait(false);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal =>
        {
            signal.Cancel = true;
            stop.Cancel();
        });
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Ctrl-C: stop and report.
        }

        var received = simulator.Received;
        await console.Out.WriteLineAsync($"Stopped: {received.Instances.Count} instance(s) stored from {received.UploadRequests} upload request(s), {received.Shares.Count} share hand-off(s), {received.Rejections.Count} refusal(s).").ConfigureAwait(false);
        return ExitCodes.Success;
    }
}
