using Uplink.Dicom.Network.Dimse;

namespace Uplink.Dicom.Network.Associations;

/// <summary>
/// Performs a received C-STORE: the one place both the SCP and a C-GET requestor (which performs the C-STORE
/// sub-operations as SCP on its own association) spool, check and hand an instance to an <see cref="IDicomStoreHandler"/>.
/// </summary>
internal static class StoreResponder
{
    /// <summary>The Part 10 header written in front of each spooled data set, naming <paramref name="sourceAeTitle"/> as its source.</summary>
    public static Func<byte, CommandSet, byte[]> SpoolPrefix(Association association, string sourceAeTitle) => (context, command) => Part10Writer.Header(
        command.GetString(CommandTags.AffectedSopClassUid) ?? string.Empty,
        command.GetString(CommandTags.AffectedSopInstanceUid) ?? string.Empty,
        association.AcceptedContexts[context].TransferSyntax,
        sourceAeTitle);

    /// <summary>The C-STORE-RSP for a complete C-STORE-RQ message: A700 if its data set could not be spooled or kept.</summary>
    public static async Task<CommandSet> AnswerAsync(Association association, IDicomStoreHandler handler, string sourceAeTitle, DimseMessage message, CancellationToken cancellationToken)
    {
        var command = message.Command;
        var sopClass = command.GetString(CommandTags.AffectedSopClassUid) ?? string.Empty;
        var sopInstance = command.GetString(CommandTags.AffectedSopInstanceUid) ?? string.Empty;
        var status = message.DatasetLost
            ? DimseStatus.OutOfResources
            : await StoreAsync(association, handler, sourceAeTitle, message, sopClass, sopInstance, cancellationToken).ConfigureAwait(false);
        return DimseCommands.StoreResponse(command.GetUInt16(CommandTags.MessageId) ?? 0, sopClass, sopInstance, status);
    }

    private static async Task<ushort> StoreAsync(Association association, IDicomStoreHandler handler, string sourceAeTitle, DimseMessage message, string sopClass, string sopInstance, CancellationToken cancellationToken)
    {
        var (abstractSyntax, transferSyntax) = association.AcceptedContexts[message.ContextId];
        if (sopClass != abstractSyntax || sopInstance.Length == 0)
        {
            return DimseStatus.DataSetDoesNotMatchSopClass;
        }

        try
        {
            return await handler.StoreAsync(new DicomStoreRequest(sourceAeTitle, sopClass, sopInstance, transferSyntax, message.SpoolPath!, message.DatasetOffset), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Whatever went wrong, the instance is not known to be kept: refuse, never claim success.
            return DimseStatus.OutOfResources;
        }
    }
}
