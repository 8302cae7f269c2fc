using System.Net;
using System.Net.Sockets;
using Uplink.Dicom.Network.Associations;

namespace Uplink.Dicom.Network;

/// <summary>
/// A DICOM listener: accepts associations (called AE title checked, calling AE titles allow-listed,
/// presentation contexts from <see cref="DicomServerOptions"/>), answers C-ECHO, and gives each C-STORE
/// instance to an <see cref="IDicomStoreHandler"/>. Each association runs on its own task.
/// </summary>
public sealed class DicomServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly DicomServerOptions _options;
    private readonly IDicomStoreHandler _handler;
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _sessions = [];
    private readonly Lock _sessionsLock = new();
    private readonly Task _acceptLoop;
    private int _active;

    private DicomServer(DicomServerOptions options, IDicomStoreHandler handler)
    {
        _options = options;
        _handler = handler;
        _listener = new TcpListener(options.Address, options.Port);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _acceptLoop = AcceptLoopAsync();
    }

    /// <summary>
    /// The names of the spool files received data sets stream into, in <see cref="DicomServerOptions.TemporaryDirectory"/>.
    /// A process killed mid-transfer leaves one behind; the owner of a private spool folder removes them before starting.
    /// </summary>
    public const string SpoolFilePattern = "uplink-rx-*.part";

    /// <summary>The port listened on (the chosen one when the options said 0).</summary>
    public int Port { get; }

    /// <summary>Starts listening.</summary>
    /// <param name="options">AE title, accepted syntaxes, port, timeouts.</param>
    /// <param name="handler">Receives each stored instance.</param>
    /// <returns>The running server.</returns>
    /// <exception cref="ArgumentException">The AE title is not a valid AE title, or TLS is asked for without a certificate.</exception>
    /// <exception cref="SocketException">The address or port cannot be bound.</exception>
    public static DicomServer Start(DicomServerOptions options, IDicomStoreHandler handler)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(handler);
        AeTitle.Validate(options.AeTitle, "called");
        if (options.Tls is { Certificate: null })
        {
            throw new ArgumentException("A TLS server needs a certificate with its private key (DicomTlsOptions.Certificate).", nameof(options));
        }

        return new DicomServer(options, handler);
    }

    /// <summary>Stops listening and ends open associations (their unfinished instances are discarded).</summary>
    /// <returns>A task that completes when every association task has ended.</returns>
    public async Task StopAsync()
    {
        if (!_stopping.IsCancellationRequested)
        {
            await _stopping.CancelAsync().ConfigureAwait(false);
            _listener.Stop();
        }

        await _acceptLoop.ConfigureAwait(false);
        Task[] sessions;
        lock (_sessionsLock)
        {
            sessions = [.. _sessions];
        }

        await Task.WhenAll(sessions).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stopping.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            // Counted from the connection, so a burst of connections cannot all pass the check before any negotiates.
            var active = Interlocked.Increment(ref _active);
            var session = new ScpSession(socket, _options, _handler, overCapacity: _options.MaxAssociations > 0 && active > _options.MaxAssociations);
            lock (_sessionsLock)
            {
                _sessions.RemoveAll(t => t.IsCompleted);
                _sessions.Add(Task.Run(async () =>
                {
                    try
                    {
                        await session.RunAsync(_stopping.Token).ConfigureAwait(false);
                    }
                    finally
                    {
                        Interlocked.Decrement(ref _active);
                    }
                }));
            }
        }
    }
}
