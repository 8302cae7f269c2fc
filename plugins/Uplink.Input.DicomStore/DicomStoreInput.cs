using System.Net;
using Uplink.Dicom.Network;
using Uplink.Input.DicomStore.Routing;
using Uplink.Plugins.Abstractions.Inputs;

namespace Uplink.Input.DicomStore;

/// <summary>
/// The running receiver: a <see cref="DicomServer"/> feeding the <see cref="DurableInstanceStore"/> until the host
/// stops, and with routing on the <see cref="StudyRouter"/> submitting quiet studies to the intake.
/// </summary>
internal sealed class DicomStoreInput(DicomStoreOptions options, DurableInstanceStore store, TimeProvider time, StudyRouter? router) : IInputPlugin
{
    /// <summary>The port actually listened on once running (differs from the options when they say 0).</summary>
    public int? Port { get; private set; }

    public async Task RunAsync(IShareIntake intake, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(store.Directory);

        // Before the first association: a spool file or a marker is only a leftover when no store is in flight.
        store.RemoveLeftovers();
        router?.Recover();
        var server = DicomServer.Start(
            new DicomServerOptions
            {
                AeTitle = options.AeTitle,
                Address = IPAddress.Parse(options.BindAddress),
                Port = options.Port,
                AllowedCallingAeTitles = options.AllowedCallingAeTitles,
                AbstractSyntaxes = options.SopClasses,
                TransferSyntaxes = options.TransferSyntaxes,
                MaxPduLength = options.MaxPduLength,
                MaxAssociations = options.MaxAssociations,
                Tls = DicomTlsOptions.From(options.Tls),

                // Spooling beside the store keeps the final write on one volume.
                TemporaryDirectory = store.Directory,
                TimeProvider = time,
            },
            store);
        await using (server.ConfigureAwait(false))
        {
            Port = server.Port;
            try
            {
                await (router is null
                    ? Task.Delay(Timeout.InfiniteTimeSpan, time, cancellationToken)
                    : router.RunAsync(intake, cancellationToken)).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // The host is stopping: the server's disposal ends open associations.
            }
        }
    }
}
