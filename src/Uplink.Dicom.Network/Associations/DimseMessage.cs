using Uplink.Dicom.Network.Dimse;

namespace Uplink.Dicom.Network.Associations;

/// <summary>A received DIMSE message: its command and, if one followed, the data set spooled to a temporary file it deletes (unless moved away).</summary>
internal sealed class DimseMessage(byte contextId, CommandSet command, string? spoolPath, long datasetOffset = 0, bool datasetLost = false) : IDisposable
{
    public byte ContextId { get; } = contextId;

    public CommandSet Command { get; } = command;

    /// <summary>The spool file (a prefix, then the data set bytes exactly as received), or null for a message without a data set.</summary>
    public string? SpoolPath { get; } = spoolPath;

    /// <summary>Where the data set starts in <see cref="SpoolPath"/>.</summary>
    public long DatasetOffset { get; } = datasetOffset;

    /// <summary>A data set came but could not be spooled (disk full, folder gone); it was read and dropped.</summary>
    public bool DatasetLost { get; } = datasetLost;

    public void Dispose() => TemporaryFiles.TryDelete(SpoolPath);
}
