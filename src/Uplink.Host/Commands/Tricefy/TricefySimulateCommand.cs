using System.CommandLine;
using System.Globalization;
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
    private readonly Option<int> _port = NewPortOption();
    private readonly Option<string> _email = new("--email") { Description = "The account the simulator accepts (default: the simulator's test account).", HelpName = "EMAIL" };
    private readonly Option<string> _token = new("--token") { Description = "The API token the simulator accepts (a test value; never a real one).", HelpName = "TOKEN" };
    private readonly Option<string> _storage = new("--storage") { Description = "Where received files are stored (default: a temporary folder).", HelpName = "DIR" };
    private readonly Option<long?> _maxBytes = new("--max-bytes") { Description = "The largest file the simulator accepts, in bytes.", HelpName = "N" };

    /// <inheritdoc />
    public string Name => "tricefy simulate";

    /// <inheritdoc />
    public string Summary => "Runs the Tricefy upload simulator on 127.0.0.1 until Ctrl-C.";

    /// <inheritdoc />
    public string Failure => "the simulator could not start";

    /// <inheritdoc />
    public IReadOnlyList<Symbol> Symbols => [_port, _email, _token, _storage, _maxBytes];

    /// <inheritdoc />
    public async Task<int> RunAsync(ParseResult parsed, CancellationToken cancellationToken)
    {
        var defaults = new TricefySimulatorOptions();
        var options = defaults with
        {
            Port = parsed.GetValue(_port),
            Email = parsed.GetValue(_email) ?? defaults.Email,
            Token = parsed.GetValue(_token) ?? defaults.Token,
            StorageDirectory = parsed.GetValue(_storage),
            MaxFileBytes = parsed.GetValue(_maxBytes) ?? defaults.MaxFileBytes,
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

    private static Option<int> NewPortOption()
    {
        var port = new Option<int>("--port") { Description = "The port on 127.0.0.1 (default: a free one).", HelpName = "N" };
        port.Validators.Add(result =>
        {
            if (result.Tokens is [{ Value: var text }] && int.TryParse(text, CultureInfo.InvariantCulture, out var n) && n is < 0 or > 65535)
            {
                result.AddError("--port must be 0..65535.");
            }
        });
        return port;
    }
}
