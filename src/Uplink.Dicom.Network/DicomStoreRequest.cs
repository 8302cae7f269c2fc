namespace Uplink.Dicom.Network;

/// <summary>One instance received by C-STORE: its identity and its data set spooled to disk exactly as sent.</summary>
public sealed class DicomStoreRequest
{
    internal DicomStoreRequest(string callingAeTitle, string sopClassUid, string sopInstanceUid, string transferSyntaxUid, string datasetPath)
    {
        CallingAeTitle = callingAeTitle;
        SopClassUid = sopClassUid;
        SopInstanceUid = sopInstanceUid;
        TransferSyntaxUid = transferSyntaxUid;
        DatasetPath = datasetPath;
    }

    /// <summary>The sender's AE title.</summary>
    public string CallingAeTitle { get; }

    /// <summary>(0000,0002) Affected SOP Class UID.</summary>
    public string SopClassUid { get; }

    /// <summary>(0000,1000) Affected SOP Instance UID.</summary>
    public string SopInstanceUid { get; }

    /// <summary>The transfer syntax of the accepted presentation context, i.e. of the data set bytes.</summary>
    public string TransferSyntaxUid { get; }

    /// <summary>The spool file holding the data set bytes as received (no preamble, no file meta); deleted after the handler returns.</summary>
    public string DatasetPath { get; }

    /// <summary>Writes a Part 10 file (preamble, File Meta Information, then the data set bytes unchanged) to <paramref name="destination"/>.</summary>
    /// <param name="destination">Where to write; not flushed or closed here.</param>
    /// <param name="cancellationToken">Cancels the copy.</param>
    /// <returns>A task that completes when the bytes are written.</returns>
    public async Task WritePart10Async(Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        await destination.WriteAsync(Part10Writer.Header(SopClassUid, SopInstanceUid, TransferSyntaxUid, CallingAeTitle), cancellationToken).ConfigureAwait(false);
        var dataset = new FileStream(DatasetPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await using (dataset.ConfigureAwait(false))
        {
            await dataset.CopyToAsync(destination, cancellationToken).ConfigureAwait(false);
        }
    }
}
