using Uplink.Plugins.Abstractions.Outputs;
using Uplink.Plugins.Shared.Outputs;

namespace Uplink.Output.Folder;

/// <summary>
/// Writes each instance to <c>{Root}/{StudyInstanceUID}/{SeriesInstanceUID}/{SOPInstanceUID}.dcm</c>:
/// copied to a temporary file in the target folder, flushed, then renamed over the target, so a reader
/// never sees half a file and a retry simply writes the same bytes to the same name again.
/// </summary>
internal sealed class FolderOutput(FolderOutputOptions options) : IOutputPlugin
{
    private const int CopyBufferSize = 1 << 20;

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<DeliveryResult>> DeliverAsync(IReadOnlyList<OutboundInstance> batch, CancellationToken cancellationToken) =>
        EachInstance.DeliverAsync(batch, DeliverOneAsync, cancellationToken);

    /// <inheritdoc />
    public ValueTask<DeliveryResult> CompleteShareAsync(ShareCompletion share, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(share);
        return ValueTask.FromResult(DeliveryResult.Delivered(share.ShareId));
    }

    private async ValueTask<DeliveryResult> DeliverOneAsync(OutboundInstance instance, CancellationToken cancellationToken)
    {
        var badUid = UidPath.FirstInvalid(instance);
        if (badUid is not null)
        {
            return DeliveryResult.SetAside(instance.IdempotencyKey, badUid);
        }

        var folder = Path.Combine(options.Root, instance.StudyInstanceUid, instance.SeriesInstanceUid);
        var target = Path.Combine(folder, instance.SopInstanceUid + ".dcm");
        var temp = Path.Combine(folder, $".{instance.SopInstanceUid}.{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(folder);
            await CopyAsync(instance.FilePath, temp, cancellationToken).ConfigureAwait(false);
            File.Move(temp, target, overwrite: true);
            return DeliveryResult.Delivered(instance.IdempotencyKey);
        }
        catch (FileNotFoundException)
        {
            return DeliveryResult.SetAside(instance.IdempotencyKey, "The anonymized file to deliver no longer exists.");
        }
        catch (IOException ex)
        {
            return DeliveryResult.Retry(instance.IdempotencyKey, $"Writing into the output folder failed: {ex.GetType().Name} (HResult 0x{ex.HResult:X8}).");
        }
        catch (UnauthorizedAccessException)
        {
            return DeliveryResult.Retry(instance.IdempotencyKey, "The output folder is not writable.");
        }
        finally
        {
            TryDelete(temp);
        }
    }

    private static async Task CopyAsync(string source, string destination, CancellationToken cancellationToken)
    {
        var input = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read, CopyBufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await using (input.ConfigureAwait(false))
        {
            var output = new FileStream(destination, FileMode.CreateNew, FileAccess.Write, FileShare.None, CopyBufferSize, FileOptions.Asynchronous);
            await using (output.ConfigureAwait(false))
            {
                await input.CopyToAsync(output, CopyBufferSize, cancellationToken).ConfigureAwait(false);
                output.Flush(flushToDisk: true);
            }
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // A leftover temp file is harmless: its name starts with a dot and never matches an instance.
        }
    }
}
