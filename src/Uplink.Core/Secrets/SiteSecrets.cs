using System.Security.Cryptography;

namespace Uplink.Core.Secrets;

/// <summary>
/// The per-site secrets, created once by <c>uplink setup</c> in <c>secrets/</c> under the data folder
/// (folder mode 0700, files 0600 on Unix), and never logged or printed:
/// <list type="bullet">
/// <item><see cref="UidKey"/>: 32 random bytes, the HMAC key that remaps DICOM UIDs consistently for this site (<c>secrets/uid-hmac.key</c>, raw bytes).</item>
/// <item>The admin key: the bearer key an admin presents to the host's admin listener for detailed health (<c>secrets/admin.key</c>, text;
/// read with <see cref="ReadAdminKey"/>, optional so a data folder made before it existed still starts).</item>
/// </list>
/// Read them with <see cref="Load"/>; <see cref="EnsureCreated"/> creates whichever is absent and keeps existing ones.
/// A plugin's own secrets (the ViewPoint API key, the Tricefy token) are sealed settings of that plugin, which setup
/// asks for through the plugin's setup contract; <see cref="ViewPointKeyMigration"/> moves an older folder's plain key.
/// </summary>
internal sealed class SiteSecrets
{
    /// <summary>The UID key's length in bytes.</summary>
    public const int UidKeyLength = 32;

    private SiteSecrets(string dataDirectory, byte[] uidKey)
    {
        DataDirectory = dataDirectory;
        UidKey = uidKey;
    }

    /// <summary>The data folder the secrets belong to.</summary>
    public string DataDirectory { get; }

    /// <summary>The HMAC key for UID remapping (32 bytes).</summary>
    public byte[] UidKey { get; }

    /// <summary>The secrets folder in a data folder.</summary>
    /// <param name="dataDirectory">The data folder.</param>
    /// <returns>The path of <c>secrets/</c>.</returns>
    public static string SecretsDirectory(string dataDirectory) => Path.Combine(dataDirectory, "secrets");

    /// <summary>The file holding the UID key.</summary>
    /// <param name="dataDirectory">The data folder.</param>
    /// <returns>The path.</returns>
    public static string UidKeyPath(string dataDirectory) => Path.Combine(SecretsDirectory(dataDirectory), "uid-hmac.key");

    /// <summary>The file holding the admin key.</summary>
    /// <param name="dataDirectory">The data folder.</param>
    /// <returns>The path.</returns>
    public static string AdminKeyPath(string dataDirectory) => Path.Combine(SecretsDirectory(dataDirectory), "admin.key");

    /// <summary>Reads the admin key, or null when <c>uplink setup</c> has not created it yet (or it is too short to trust).</summary>
    /// <param name="dataDirectory">The data folder.</param>
    /// <returns>The key, or null.</returns>
    public static string? ReadAdminKey(string dataDirectory)
    {
        var path = AdminKeyPath(dataDirectory);
        var key = File.Exists(path) ? File.ReadAllText(path).Trim() : null;
        return key is { Length: >= 32 } ? key : null;
    }

    /// <summary>Creates the secrets that are absent (existing ones are never replaced) and returns all of them.</summary>
    /// <param name="dataDirectory">The data folder.</param>
    /// <returns>The secrets.</returns>
    public static SiteSecrets EnsureCreated(string dataDirectory)
    {
        PrivateFiles.CreateDirectory(SecretsDirectory(dataDirectory));
        if (!File.Exists(UidKeyPath(dataDirectory)))
        {
            PrivateFiles.WriteAllBytes(UidKeyPath(dataDirectory), RandomNumberGenerator.GetBytes(UidKeyLength));
        }

        if (!File.Exists(AdminKeyPath(dataDirectory)))
        {
            var key = Base64Url(RandomNumberGenerator.GetBytes(32));
            PrivateFiles.WriteAllBytes(AdminKeyPath(dataDirectory), System.Text.Encoding.ASCII.GetBytes(key));
        }

        return Load(dataDirectory);
    }

    /// <summary>Reads the secrets of a data folder.</summary>
    /// <param name="dataDirectory">The data folder.</param>
    /// <returns>The secrets.</returns>
    /// <exception cref="InvalidOperationException">A secret is missing or malformed; the message says which file and to run <c>uplink setup</c>.</exception>
    public static SiteSecrets Load(string dataDirectory) => new(dataDirectory, ReadUidKey(dataDirectory));

    /// <summary>Reads only the UID key, for the anonymizer, which needs no other secret.</summary>
    /// <param name="dataDirectory">The data folder.</param>
    /// <returns>The 32-byte key.</returns>
    /// <exception cref="InvalidOperationException">The key is missing or not 32 bytes.</exception>
    public static byte[] ReadUidKey(string dataDirectory)
    {
        var uidPath = UidKeyPath(dataDirectory);
        if (!File.Exists(uidPath))
        {
            throw Missing(dataDirectory);
        }

        var uidKey = File.ReadAllBytes(uidPath);
        if (uidKey.Length != UidKeyLength)
        {
            throw new InvalidOperationException($"{uidPath} holds {uidKey.Length} bytes; a UID key is exactly {UidKeyLength} bytes.");
        }

        return uidKey;
    }

    private static InvalidOperationException Missing(string dataDirectory) =>
        new($"The site secrets are missing in {SecretsDirectory(dataDirectory)}; run 'uplink setup' to create them.");

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
