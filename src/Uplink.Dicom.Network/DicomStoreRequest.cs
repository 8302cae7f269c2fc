namespace Uplink.Dicom.Network;

/// <summary>One instance received by C-STORE: its identity, and the instance spooled to disk as a Part 10 file whose data set is exactly as sent.</summary>
public sealed class DicomStoreRequest
{
    internal DicomStoreRequest(string callingAeTitle, string sopClassUid, string sopInstanceUid, string transferSyntaxUid, string part10Path, long datasetOffset)
    {
        CallingAeTitle = callingAeTitle;
        SopClassUid = sopClassUid;
        SopInstanceUid = sopInstanceUid;
        TransferSyntaxUid = transferSyntaxUid;
        Part10Path = part10Path;
        DatasetOffset = datasetOffset;
    }

    /// <summary>The sender's AE title.</summary>
    public string CallingAeTitle { get; }

    /// <summary>(0000,0002) Affected SOP Class UID.</summary>
    public string SopClassUid { get; }

    /// <summary>(0000,1000) Affected SOP Instance UID.</summary>
    public string SopInstanceUid { get; }

    /// <summary>The transfer syntax of the accepted presentation context, i.e. of the data set bytes.</summary>
    public string TransferSyntaxUid { get; }

    /// <summary>
    /// The spool file: a complete Part 10 file (preamble and File Meta Information written by Uplink, then the
    /// data set bytes exactly as received), not yet fsync'ed. The handler may move it (a rename when the spool
    /// folder is on the store's volume); whatever is still there when the handler returns is deleted.
    /// </summary>
    public string Part10Path { get; }

    /// <summary>Where the received data set starts in <see cref="Part10Path"/> (the length of the file meta written in front of it).</summary>
    public long DatasetOffset { get; }

    /// <summary>Copies the Part 10 file (preamble, File Meta Information, then the data set bytes unchanged) to <paramref name="destination"/>.</summary>
    /// <param name="destination">Where to write; not flushed or closed here.</param>
    /// <param name="cancellationToken">Cancels the copy.</param>
    /// <returns>A task that completes when the bytes are written.</returns>
    public async Task WritePart10Async(Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var source = new FileStream(Part10Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await using (source.ConfigureAwait(false))
        {
            await source.CopyToAsync(destination, cancellationToken).ConfigureAwait(false);
        }
    }
}
