using System.Security.Cryptography;
using System.Text;

namespace Uplink.Output.Tricefy.Delivery;

/// <summary>
/// Remembers which idempotency keys (instances and clip parts) Tricefy has acknowledged, as empty
/// marker files named by the key's SHA-256 in the plugin's data folder, so a retried batch or a
/// restarted host never uploads an acknowledged file twice.
/// </summary>
internal sealed class DeliveryLedger
{
    private readonly string _folder;

    public DeliveryLedger(string dataDirectory)
    {
        _folder = Path.Combine(dataDirectory, "delivered");
        Directory.CreateDirectory(_folder);
    }

    public bool IsDelivered(string key) => File.Exists(PathOf(key));

    public void MarkDelivered(string key)
    {
        using (File.Create(PathOf(key)))
        {
        }
    }

    private string PathOf(string key) =>
        Path.Combine(_folder, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key))));
}
