using Uplink.Dicom;
using Uplink.Dicom.Network;

namespace Uplink.Input.DicomStore.Retrieval;

/// <summary>
/// Fetches one instance by SOP Instance UID from the configured archive into the durable store: C-FIND at image
/// level to learn its study and series, then C-GET (stored on the same association, durable before each
/// sub-operation is acknowledged) or C-MOVE to this input's own SCP. Network faults and the archive's
/// out-of-resources answers are thrown as <see cref="IOException"/> (passing, retried); answers that will not
/// change by retrying (an unknown move destination, a refused identifier) as <see cref="InvalidOperationException"/>.
/// </summary>
internal sealed class ArchiveRetriever(RetrieveSettings settings, DurableInstanceStore store, TimeProvider time)
{
    private const string ExplicitVrLittleEndian = "1.2.840.10008.1.2.1";

    /// <summary>Fetches the instance.</summary>
    /// <returns>True once it is in the store; false when the archive holds no instance with this UID.</returns>
    public async Task<bool> RetrieveAsync(string sopInstanceUid, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(store.Directory);
        try
        {
            var client = await DicomClient.ConnectAsync(ClientOptions(), Proposals(), cancellationToken).ConfigureAwait(false);
            await using (client.ConfigureAwait(false))
            {
                var found = await client.FindAsync(DicomQuery.FindInstance(settings.Root, sopInstanceUid), cancellationToken).ConfigureAwait(false);
                if (!DimseStatus.IsSuccessOrWarning(found.Status))
                {
                    throw Refused("C-FIND", found.Status, null);
                }

                if (found.Matches.Count == 0)
                {
                    await client.ReleaseAsync(cancellationToken).ConfigureAwait(false);
                    return false;
                }

                var query = RetrieveQuery(found.Matches[0], sopInstanceUid);
                var status = settings.UseMove
                    ? await client.MoveAsync(query, settings.DestinationAeTitle, null, cancellationToken).ConfigureAwait(false)
                    : await client.GetAsync(query, store, null, cancellationToken).ConfigureAwait(false);
                await client.ReleaseAsync(cancellationToken).ConfigureAwait(false);
                return File.Exists(store.PathFor(sopInstanceUid))
                    ? true
                    : throw Refused(settings.UseMove ? "C-MOVE" : "C-GET", status.Status, status);
            }
        }
        catch (DicomNetworkException e)
        {
            throw new IOException($"Retrieving from the archive {settings.Archive} failed: {e.Message}", e);
        }
    }

    private DicomQuery RetrieveQuery(DicomDataset match, string sopInstanceUid)
    {
        try
        {
            return DicomQuery.RetrieveInstance(
                settings.Root,
                match.GetString(DicomTags.PatientID),
                match.GetString(DicomTags.StudyInstanceUID) ?? string.Empty,
                match.GetString(DicomTags.SeriesInstanceUID) ?? string.Empty,
                sopInstanceUid);
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException($"The archive {settings.Archive} answered C-FIND with a match that cannot be retrieved ({e.ParamName} missing or not a UID).", e);
        }
    }

    private Exception Refused(string operation, ushort status, DicomRetrieveStatus? counters)
    {
        var counts = counters is null ? string.Empty : $", {counters.Completed} completed, {counters.Failed} failed, {counters.Warning} warning";
        var what = $"The archive {settings.Archive} answered {operation} with status 0x{status:X4}{counts}";
        return status switch
        {
            DicomRetrieveStatus.MoveDestinationUnknown => new InvalidOperationException($"{what}: it does not know the move destination {settings.DestinationAeTitle}; add that AE title with Uplink's host and port to the archive."),
            DimseStatus.Success => new InvalidOperationException($"{what}, yet the instance did not arrive in the store."),

            // Out of resources (A7xx) and failed sub-operations (B000) pass; a retry may succeed.
            _ when (status & 0xFF00) == 0xA700 || status == DicomRetrieveStatus.SubOperationsFailed => new IOException($"{what}."),
            _ => new InvalidOperationException($"{what}."),
        };
    }

    private DicomClientOptions ClientOptions() => new()
    {
        Host = settings.Archive.Host,
        Port = settings.Archive.Port,
        CalledAeTitle = settings.Archive.AeTitle,
        CallingAeTitle = settings.CallingAeTitle,
        MaxPduLength = settings.MaxPduLength,
        Timeouts = new DicomNetworkTimeouts(settings.Timeout, settings.Timeout, settings.Timeout),
        CancelGrace = settings.CancelGrace,

        // C-GET instances spool beside the store, so keeping one is a rename.
        TemporaryDirectory = store.Directory,
        TimeProvider = time,
    };

    private IReadOnlyList<DicomPresentationProposal> Proposals()
    {
        var queryRetrieve = DicomPresentationProposal.QueryRetrieve(settings.Root);
        if (settings.UseMove)
        {
            return queryRetrieve;
        }

        // One context per (SOP class, syntax), so an archive can send each instance as it keeps it. Some archives
        // (dcmqrscp 3.6.7) take the first accepted context of the SOP class and convert to it: Explicit VR Little
        // Endian first makes that conversion lossless for every uncompressed instance.
        var syntaxes = settings.TransferSyntaxes.OrderBy(t => t == ExplicitVrLittleEndian ? 0 : 1);
        var storage = DicomPresentationProposal.ForRetrievedStorage(settings.SopClasses, syntaxes);
        return [.. queryRetrieve, .. storage.Take(128 - queryRetrieve.Count)];
    }
}
