using Uplink.Dicom;
using Uplink.Dicom.Network;

namespace Uplink.Input.DicomStore;

/// <summary>
/// Keeps received instances as Part 10 files named by SOP Instance UID, and says success only once one is
/// durable: written to a temporary file in the store folder, fsync'ed, renamed into place, and the folder
/// fsync'ed. Any failure answers A700 (out of resources) and leaves no partial file. An instance already
/// stored is acknowledged again without being rewritten, so a sender's retry is harmless.
/// </summary>
internal sealed class DurableInstanceStore(string directory) : IDicomStoreHandler
{
    public string Directory { get; } = directory;

    /// <summary>The file an instance is (or would be) kept in; null for a UID that is not one.</summary>
    public string? PathFor(string sopInstanceUid) =>
        DicomUid.IsValid(sopInstanceUid) ? Path.Combine(Directory, sopInstanceUid + ".dcm") : null;

    public async Task<ushort> StoreAsync(DicomStoreRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var target = PathFor(request.SopInstanceUid);
        if (target is null)
        {
            // A UID that is not a UID could also be a path: never let it name a file.
            return DimseStatus.CannotUnderstand;
        }

        if (File.Exists(target))
        {
            return DimseStatus.Success;
        }

        var temp = Path.Combine(Directory, $".{request.SopInstanceUid}.{Guid.NewGuid():N}.tmp");
        try
        {
            var output = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
            await using (output.ConfigureAwait(false))
            {
                await request.WritePart10Async(output, cancellationToken).ConfigureAwait(false);
                await output.FlushAsync(cancellationToken).ConfigureAwait(false);
                output.Flush(flushToDisk: true);
            }

            try
            {
                File.Move(temp, target, overwrite: false);
            }
            catch (IOException) when (File.Exists(target))
            {
                // Another association stored the same instance first: it is durable, and so is this answer.
                File.Delete(temp);
                return DimseStatus.Success;
            }

            DirectorySync.Flush(Directory);
            return DimseStatus.Success;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            return DimseStatus.OutOfResources;
        }
        catch (OperationCanceledException)
        {
            TryDelete(temp);
            throw;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The store is already failing; the temporary name keeps the leftover out of every lookup.
        }
    }
}
