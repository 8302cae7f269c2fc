using System.Security.Cryptography;
using System.Text;

namespace Uplink.Host.Hosting.Health;

/// <summary>Checks the admin key an admin presents as <c>Authorization: Bearer KEY</c>, in constant time.</summary>
internal static class AdminCredential
{
    private const string Scheme = "Bearer ";

    /// <summary>Whether the header carries the expected key.</summary>
    /// <param name="authorization">The <c>Authorization</c> header, or null.</param>
    /// <param name="expected">The site's admin key, or null when none exists (then nothing matches).</param>
    /// <returns>True only for the right key.</returns>
    public static bool Matches(string? authorization, string? expected)
    {
        if (expected is null || authorization is null || !authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        // Hashing first gives both sides one length, so the comparison's time says nothing about the key.
        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(authorization[Scheme.Length..].Trim()));
        return CryptographicOperations.FixedTimeEquals(presented, SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
    }
}
