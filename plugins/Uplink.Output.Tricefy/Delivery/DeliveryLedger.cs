using System.Security.Cryptography;
using System.Text;

namespace Uplink.Output.Tricefy.Delivery;

/// <summary>
/// Remembers which idempotency keys (instances and clip parts) Tricefy has acknowledged, as empty marker
/// files in one folder per share (names are SHA-256 of the share id and of the key), so a retried batch or a
/// restarted host never uploads an acknowledged file twice. A share's folder goes once its hand-off is done;
/// folders untouched for <see cref="Retention"/> (shares that never completed) go when the plugin starts.
/// </summary>
internal sealed class DeliveryLedger
{
    /// <summary>How long the markers of a share that never completed are kept.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(30);

    private readonly string _folder;

    /// <summary>Opens the ledger in the plugin's data folder and prunes markers older than <see cref="Retention"/>.</summary>
    /// <param name="dataDirectory">The plugin's data folder.</param>
    /// <param name="time">The clock the age is measured with.</param>
    public DeliveryLedger(string dataDirectory, TimeProvider time)
    {
        _folder = Path.Combine(dataDirectory, "delivered");
        Directory.CreateDirectory(_folder);
        Prune(time.GetUtcNow().UtcDateTime - Retention);
    }

    public bool IsDelivered(string shareId, string key) => File.Exists(PathOf(shareId, key));

    public void MarkDelivered(string shareId, string key)
    {
        var path = PathOf(shareId, key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using (File.Create(path))
        {
        }
    }

    /// <summary>Drops a share's markers: its hand-off is done, so nothing of it is delivered again.</summary>
    /// <param name="shareId">The share.</param>
    public void Forget(string shareId)
    {
        var folder = Path.Combine(_folder, Hash(shareId));
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private void Prune(DateTime olderThanUtc)
    {
        foreach (var entry in new DirectoryInfo(_folder).EnumerateFileSystemInfos())
        {
            if (entry.LastWriteTimeUtc < olderThanUtc)
            {
                if (entry is DirectoryInfo folder)
                {
                    folder.Delete(recursive: true);
                }
                else
                {
                    entry.Delete();
                }
            }
        }
    }

    private string PathOf(string shareId, string key) => Path.Combine(_folder, Hash(shareId), Hash(key));

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
