using System.Security.Cryptography;
using System.Text;
using Uplink.Dicom;
using Uplink.Plugins.Abstractions.Profiles;

namespace Uplink.Core.Anonymization;

/// <summary>
/// Remaps UIDs to <c>2.25.</c> UIDs from HMAC-SHA-256 of the original under the site's secret key: the same
/// original always gives the same UID at this site (across an exam, retries and later re-sends), and nobody
/// without the key can link the two. Never derived from patient data.
/// </summary>
internal sealed class HmacUidRemapper : IUidRemapper
{
    private const int MinimumKeyBytes = 16;
    private readonly byte[] _key;

    /// <summary>Creates the remapper.</summary>
    /// <param name="siteKey">The per-site secret, at least 16 bytes; copied, never logged.</param>
    /// <exception cref="ArgumentException">The key is shorter than 16 bytes.</exception>
    public HmacUidRemapper(ReadOnlySpan<byte> siteKey)
    {
        if (siteKey.Length < MinimumKeyBytes)
        {
            throw new ArgumentException($"The site UID key has {siteKey.Length} bytes; at least {MinimumKeyBytes} are needed.", nameof(siteKey));
        }

        _key = siteKey.ToArray();
    }

    /// <inheritdoc />
    public string Remap(string originalUid)
    {
        ArgumentNullException.ThrowIfNull(originalUid);
        var trimmed = originalUid.TrimEnd('\0', ' ');
        Span<byte> hash = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(trimmed), hash);
        return DicomUid.FromHash(hash);
    }
}
