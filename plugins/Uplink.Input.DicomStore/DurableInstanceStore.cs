using Uplink.Dicom;
using Uplink.Dicom.Network;
using Uplink.Input.DicomStore.Routing;

namespace Uplink.Input.DicomStore;

/// <summary>
/// Keeps received instances as Part 10 files named by SOP Instance UID, and says success only once one is
/// durable: the spooled file is moved to a temporary name in the store folder (a rename when the spool is on
/// the same volume, as the input configures it), fsync'ed, renamed into place, and the folder fsync'ed. Any
/// failure answers A700 (out of resources) and leaves no partial file under an instance's name. An instance
/// already stored is acknowledged again without being rewritten, so a sender's retry is harmless. With routing
/// on, the instance's routing marker is durable before the acknowledgement too.
/// </summary>
internal sealed class DurableInstanceStore(string directory, StudyRouter? router = null) : IDicomStoreHandler
{
    public string Directory { get; } = directory;

    /// <summary>The file an instance is (or would be) kept in; null for a UID that is not one.</summary>
    public string? PathFor(string sopInstanceUid) =>
        DicomUid.IsValid(sopInstanceUid) ? Path.Combine(Directory, sopInstanceUid + ".dcm") : null;

    /// <summary>
    /// Removes what a killed run left half-written: spool files and temporary copies, none of which was ever
    /// acknowledged (the sender retries them). Call before the server accepts anything.
    /// </summary>
    public void RemoveLeftovers()
    {
        foreach (var leftover in System.IO.Directory.EnumerateFiles(Directory, DicomServer.SpoolFilePattern)
            .Concat(System.IO.Directory.EnumerateFiles(Directory, ".*.tmp")))
        {
            TryDelete(leftover);
        }
    }

    public Task<ushort> StoreAsync(DicomStoreRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Task.FromResult(Store(request));
    }

    private ushort Store(DicomStoreRequest request)
    {
        var target = PathFor(request.SopInstanceUid);
        if (target is null)
        {
            // A UID that is not a UID could also be a path: never let it name a file.
            return DimseStatus.CannotUnderstand;
        }

        if (File.Exists(target))
        {
            // The repeat's own spooled copy goes before the answer, so a sender (or an admin) never sees two files for one instance.
            TryDelete(request.Part10Path);
            router?.Repeated(request.SopInstanceUid);
            return DimseStatus.Success;
        }

        var temp = Path.Combine(Directory, $".{request.SopInstanceUid}.{Guid.NewGuid():N}.tmp");
        try
        {
            // Across volumes File.Move copies; the temporary name keeps a partial copy out of every lookup.
            File.Move(request.Part10Path, temp);
            using (var written = new FileStream(temp, FileMode.Open, FileAccess.Write, FileShare.None))
            {
                written.Flush(flushToDisk: true);
            }

            var study = router is null ? null : StudyRouter.StudyOf(temp);
            if (study is not null)
            {
                router!.Prepare(request.SopInstanceUid, study);
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
            if (study is not null)
            {
                router!.Received(request.SopInstanceUid, study);
            }

            return DimseStatus.Success;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            return DimseStatus.OutOfResources;
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
            // A leftover keeps its temporary name, which every lookup skips.
        }
    }
}
