using Uplink.Dicom.Network.Dimse;

namespace Uplink.Dicom.Network.Associations;

/// <summary>A received DIMSE message: its command and, if one followed, the data set spooled to a temporary file it deletes.</summary>
internal sealed class DimseMessage(byte contextId, CommandSet command, string? datasetPath, bool datasetLost = false) : IDisposable
{
    public byte ContextId { get; } = contextId;

    public CommandSet Command { get; } = command;

    /// <summary>The data set bytes exactly as received, or null for a message without one.</summary>
    public string? DatasetPath { get; } = datasetPath;

    /// <summary>A data set came but could not be spooled (disk full, folder gone); it was read and dropped.</summary>
    public bool DatasetLost { get; } = datasetLost;

    public void Dispose() => TemporaryFiles.TryDelete(DatasetPath);
}
