using Uplink.Dicom.Network.Dimse;
using Uplink.Dicom.Network.Pdus;

namespace Uplink.Dicom.Network.Associations;

/// <summary>
/// Puts PDV fragments back together into DIMSE messages (PS3.7 6.3.1, PS3.8 annex E): command fragments
/// first, in memory (they are small), then data set fragments written straight to a spool file, so a clip of
/// any size needs one PDU of memory. Fragments out of order or on another context are protocol errors.
/// The spool file starts with <paramref name="spoolPrefix"/>'s bytes (the SCP's Part 10 header), so a
/// received instance is a complete file the moment its last fragment lands, ready to be renamed into place.
/// </summary>
internal sealed class MessageAssembler(
    IReadOnlyDictionary<byte, (string AbstractSyntax, string TransferSyntax)> contexts,
    string? spoolDirectory,
    Func<byte, CommandSet, byte[]>? spoolPrefix = null) : IDisposable
{
    private readonly MemoryStream _command = new();
    private byte? _contextId;
    private CommandSet? _commandSet;
    private string? _datasetPath;
    private FileStream? _dataset;
    private long _datasetOffset;

    // Set when the spool cannot be written (disk full, folder gone): the rest of the data set is read and
    // dropped so the association survives and the sender gets a refusal, not an abort.
    private bool _datasetLost;

    /// <summary>Whether a message has begun and is not yet complete (the DIMSE timer applies, not the idle one).</summary>
    public bool InProgress => _contextId is not null;

    /// <summary>Adds one PDV; returns the message when it is complete.</summary>
    /// <exception cref="DimseFormatException">A fragment that breaks the rules.</exception>
    public async Task<DimseMessage?> AddAsync(Pdv pdv, CancellationToken cancellationToken)
    {
        if (!contexts.ContainsKey(pdv.PresentationContextId))
        {
            throw new DimseFormatException($"PDV on presentation context {pdv.PresentationContextId}, which was not accepted.");
        }

        if (_contextId is { } current && current != pdv.PresentationContextId)
        {
            throw new DimseFormatException($"PDV on presentation context {pdv.PresentationContextId} inside a message on context {current}.");
        }

        _contextId = pdv.PresentationContextId;
        return pdv.IsCommand ? AddCommand(pdv) : await AddDatasetAsync(pdv, cancellationToken).ConfigureAwait(false);
    }

    public void Dispose()
    {
        _dataset?.Dispose();
        TemporaryFiles.TryDelete(_datasetPath);
        _command.Dispose();
    }

    private DimseMessage? AddCommand(Pdv pdv)
    {
        if (_commandSet is not null)
        {
            throw new DimseFormatException("Command fragment after the command was complete.");
        }

        if (_command.Length + pdv.Data.Length > CommandSet.MaxEncodedLength)
        {
            throw new DimseFormatException($"Command set longer than {CommandSet.MaxEncodedLength} bytes.");
        }

        _command.Write(pdv.Data.Span);
        if (!pdv.IsLastFragment)
        {
            return null;
        }

        _commandSet = CommandSet.Decode(_command.GetBuffer().AsSpan(0, (int)_command.Length));
        if (_commandSet.HasDataSet)
        {
            if (spoolDirectory is null)
            {
                throw new DimseFormatException($"Command 0x{_commandSet.CommandField:X4} announces a data set, which this side does not take.");
            }

            _datasetPath = TemporaryFiles.NewPath(spoolDirectory);
            try
            {
                // Synchronous writes: on Linux an "asynchronous" file write is the same write run on another pool
                // thread, and that hop per flush cost more than the write into the page cache it waits for.
                _dataset = new FileStream(_datasetPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.None);
                var prefix = spoolPrefix?.Invoke(_contextId!.Value, _commandSet) ?? [];
                _dataset.Write(prefix);
                _datasetOffset = prefix.Length;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                _datasetLost = true;
            }

            return null;
        }

        return Complete(null);
    }

    private async Task<DimseMessage?> AddDatasetAsync(Pdv pdv, CancellationToken cancellationToken)
    {
        if (_datasetLost)
        {
            return pdv.IsLastFragment ? Complete(null) : null;
        }

        if (_dataset is null)
        {
            throw new DimseFormatException(_commandSet is null
                ? "Data set fragment before the command was complete."
                : "Data set fragment for a command that announced none.");
        }

        try
        {
            _dataset.Write(pdv.Data.Span);
            if (pdv.IsLastFragment)
            {
                _dataset.Dispose();
            }
        }
        catch (IOException)
        {
            await DropDatasetAsync().ConfigureAwait(false);
            return pdv.IsLastFragment ? Complete(null) : null;
        }

        if (!pdv.IsLastFragment)
        {
            return null;
        }

        _dataset = null;
        var path = _datasetPath;
        _datasetPath = null;
        return Complete(path);
    }

    private async Task DropDatasetAsync()
    {
        _datasetLost = true;
        try
        {
            await _dataset!.DisposeAsync().ConfigureAwait(false);
        }
        catch (IOException)
        {
            // Closing flushes; on a full disk that fails too, and the file is deleted next anyway.
        }

        _dataset = null;
        TemporaryFiles.TryDelete(_datasetPath);
        _datasetPath = null;
    }

    private DimseMessage Complete(string? datasetPath)
    {
        var message = new DimseMessage(_contextId!.Value, _commandSet!, datasetPath, _datasetOffset, _datasetLost);
        _datasetLost = false;
        _contextId = null;
        _commandSet = null;
        _command.SetLength(0);
        return message;
    }
}
