using System.Security.Cryptography;
using System.Text;
using Uplink.Dicom;

namespace Uplink.Output.Tricefy.Preflight;

/// <summary>
/// UIDs of clip parts, derived from the (already anonymized) SOP Instance UID so a retry or a restart
/// produces the same parts with the same UIDs, and the destination can de-duplicate them.
/// </summary>
internal static class PartUids
{
    /// <summary>The SOP Instance UID of part <paramref name="part"/> (1-based).</summary>
    public static string Part(string sopInstanceUid, int part) => Derive($"{sopInstanceUid}/tricefy-part/{part}");

    /// <summary>The Concatenation UID shared by all parts of one clip.</summary>
    public static string Concatenation(string sopInstanceUid) => Derive($"{sopInstanceUid}/tricefy-concatenation");

    private static string Derive(string text) => DicomUid.FromHash(SHA256.HashData(Encoding.ASCII.GetBytes(text)));
}
