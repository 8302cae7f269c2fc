using System.Security.Cryptography;
using System.Text;
using Uplink.Dicom;

namespace Uplink.Core.Anonymization.Shaping;

/// <summary>
/// UIDs of clip parts, derived from the (already anonymized) SOP Instance UID, so a retry or a restart produces
/// the same parts with the same UIDs and the destination can de-duplicate them. The rule, which the shaping
/// verifier checks: part N is <c>2.25.</c> + SHA-256 of <c>{source UID}/part/{N}</c>; the Concatenation UID is
/// <c>2.25.</c> + SHA-256 of <c>{source UID}/concatenation</c> (<see cref="DicomUid.FromHash"/>).
/// </summary>
internal static class PartUids
{
    /// <summary>The SOP Instance UID of part <paramref name="part"/> (1-based).</summary>
    /// <param name="sopInstanceUid">The verified instance's SOP Instance UID.</param>
    /// <param name="part">The 1-based part number.</param>
    /// <returns>The part's UID.</returns>
    public static string Part(string sopInstanceUid, int part) => Derive($"{sopInstanceUid}/part/{part}");

    /// <summary>The Concatenation UID shared by all parts of one clip.</summary>
    /// <param name="sopInstanceUid">The verified instance's SOP Instance UID.</param>
    /// <returns>The concatenation's UID.</returns>
    public static string Concatenation(string sopInstanceUid) => Derive($"{sopInstanceUid}/concatenation");

    private static string Derive(string text) => DicomUid.FromHash(SHA256.HashData(Encoding.ASCII.GetBytes(text)));
}
