using System.Security.Cryptography;
using System.Text;

namespace Uplink.Core.Secrets;

/// <summary>
/// Setting values that must not sit in the configuration file in plain text (the Tricefy API token):
/// each is sealed with AES-256-GCM into <c>secrets/NAME.sealed</c> under a key in
/// <c>secrets/settings.key</c>, both owner-only, and the configuration holds only <c>sealed:NAME</c>.
/// </summary>
/// <remarks>
/// The key lives on the same machine, so this protects against the configuration file being read,
/// copied or backed up on its own, not against an attacker who owns the service account. The name is
/// authenticated: a sealed file renamed to another setting does not open.
/// </remarks>
internal static class SealedSettings
{
    /// <summary>What a configuration value starts with when it names a sealed setting.</summary>
    public const string ReferencePrefix = "sealed:";

    private const int NonceSize = 12;
    private const int TagSize = 16;

    /// <summary>The sealed file's name for a plugin's setting: <c>{plugin id}.{key}</c>, lower case.</summary>
    /// <param name="pluginId">The plugin's id.</param>
    /// <param name="key">The setting's key.</param>
    /// <returns>For example <c>uplink.input.viewpoint.apikey</c>.</returns>
    public static string NameFor(string pluginId, string key) =>
        string.Concat($"{pluginId}.{key}".ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) || c == '.' ? c : '-')).Replace("..", ".", StringComparison.Ordinal);

    /// <summary>Seals a value and returns the reference to put in the configuration.</summary>
    /// <param name="dataDirectory">The site's data folder.</param>
    /// <param name="name">The setting's name (letters, digits, '-' and '.').</param>
    /// <param name="value">The plain value.</param>
    /// <returns><c>sealed:NAME</c>.</returns>
    public static string Seal(string dataDirectory, string name, string value)
    {
        var path = SealedPath(dataDirectory, name);
        var plain = Encoding.UTF8.GetBytes(value);
        var sealedBytes = new byte[NonceSize + TagSize + plain.Length];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using (var aes = new AesGcm(LoadOrCreateKey(dataDirectory), TagSize))
        {
            aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize), Encoding.UTF8.GetBytes(name));
        }

        CryptographicOperations.ZeroMemory(plain);
        PrivateFiles.WriteAllBytes(path, sealedBytes);
        return ReferencePrefix + name;
    }

    /// <summary>Opens a sealed setting.</summary>
    /// <param name="dataDirectory">The site's data folder.</param>
    /// <param name="name">The setting's name.</param>
    /// <returns>The plain value.</returns>
    /// <exception cref="InvalidOperationException">The sealed file or the key is missing, or the file was altered; the message names the file, never a value.</exception>
    public static string Open(string dataDirectory, string name)
    {
        var path = SealedPath(dataDirectory, name);
        var keyPath = KeyPath(dataDirectory);
        if (!File.Exists(path) || !File.Exists(keyPath))
        {
            throw new InvalidOperationException($"The sealed setting '{name}' is missing ({path}); run 'uplink setup' again to store it.");
        }

        var sealedBytes = File.ReadAllBytes(path);
        if (sealedBytes.Length < NonceSize + TagSize)
        {
            throw new InvalidOperationException($"The sealed setting file {path} is truncated ({sealedBytes.Length} bytes).");
        }

        var plain = new byte[sealedBytes.Length - NonceSize - TagSize];
        try
        {
            using var aes = new AesGcm(File.ReadAllBytes(keyPath), TagSize);
            aes.Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize), plain, Encoding.UTF8.GetBytes(name));
        }
        catch (CryptographicException)
        {
            throw new InvalidOperationException($"The sealed setting file {path} does not open with {keyPath}: it was altered, or belongs to another setting or site.");
        }

        return Encoding.UTF8.GetString(plain);
    }

    private static string SealedPath(string dataDirectory, string name)
    {
        if (name.Length == 0 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.') || name.Contains("..", StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{name}' is not a valid sealed setting name (letters, digits, '-' and '.').", nameof(name));
        }

        return Path.Combine(SiteSecrets.SecretsDirectory(dataDirectory), name + ".sealed");
    }

    private static string KeyPath(string dataDirectory) => Path.Combine(SiteSecrets.SecretsDirectory(dataDirectory), "settings.key");

    private static byte[] LoadOrCreateKey(string dataDirectory)
    {
        PrivateFiles.CreateDirectory(SiteSecrets.SecretsDirectory(dataDirectory));
        var path = KeyPath(dataDirectory);
        if (!File.Exists(path))
        {
            PrivateFiles.WriteAllBytes(path, RandomNumberGenerator.GetBytes(32));
        }

        return File.ReadAllBytes(path);
    }
}
