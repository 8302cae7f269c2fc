using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Uplink.Plugins.Abstractions.Inputs;

namespace Uplink.Core.Shares.Protection;

/// <summary>
/// Encrypts a share's recipient with AES-256-GCM under the data folder's key, bound to the share id
/// (a ciphertext moved to another share does not decrypt). Layout: 12-byte nonce, 16-byte tag, ciphertext.
/// </summary>
internal sealed class RecipientProtector
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly byte[] _key;

    public RecipientProtector(IOptions<PipelineOptions> options)
    {
        _key = RecipientKeyFile.LoadOrCreate(options.Value.DataDirectory);
    }

    /// <summary>Encrypts the recipient for one share.</summary>
    /// <param name="shareId">The share it belongs to (authenticated, not encrypted).</param>
    /// <param name="recipient">The contact.</param>
    /// <returns>The protected bytes.</returns>
    public byte[] Protect(string shareId, ShareRecipient recipient)
    {
        var plain = JsonSerializer.SerializeToUtf8Bytes(new[] { recipient.Email, recipient.Phone });
        var result = new byte[NonceSize + TagSize + plain.Length];
        var nonce = result.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagSize);
        aes.Encrypt(nonce, plain, result.AsSpan(NonceSize + TagSize), result.AsSpan(NonceSize, TagSize), Encoding.UTF8.GetBytes(shareId));
        CryptographicOperations.ZeroMemory(plain);
        return result;
    }

    /// <summary>Decrypts a share's recipient.</summary>
    /// <param name="shareId">The share it belongs to.</param>
    /// <param name="protectedRecipient">The bytes from <see cref="Protect"/>.</param>
    /// <returns>The contact.</returns>
    /// <exception cref="CryptographicException">The bytes were altered, belong to another share, or the key changed.</exception>
    public ShareRecipient Unprotect(string shareId, byte[] protectedRecipient)
    {
        if (protectedRecipient.Length < NonceSize + TagSize)
        {
            throw new CryptographicException($"The protected recipient of share {shareId} is {protectedRecipient.Length} bytes, shorter than nonce and tag.");
        }

        var plain = new byte[protectedRecipient.Length - NonceSize - TagSize];
        using var aes = new AesGcm(_key, TagSize);
        aes.Decrypt(
            protectedRecipient.AsSpan(0, NonceSize),
            protectedRecipient.AsSpan(NonceSize + TagSize),
            protectedRecipient.AsSpan(NonceSize, TagSize),
            plain,
            Encoding.UTF8.GetBytes(shareId));
        var fields = JsonSerializer.Deserialize<string?[]>(plain) ?? [null, null];
        CryptographicOperations.ZeroMemory(plain);
        return new ShareRecipient(fields[0], fields[1]);
    }
}
