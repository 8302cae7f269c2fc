using System.Buffers.Binary;
using System.Globalization;

namespace Uplink.Dicom;

/// <summary>DICOM unique identifiers (PS3.5 9).</summary>
public static class DicomUid
{
    /// <summary>Builds a UID under the <c>2.25</c> root (ISO/IEC 9834-8) from the first 16 bytes of a hash.</summary>
    /// <param name="hash">At least 16 bytes, for example a SHA-256 or HMAC of the original UID.</param>
    /// <returns><c>2.25.</c> followed by the decimal value of the 16 bytes as a big endian unsigned number.</returns>
    public static string FromHash(ReadOnlySpan<byte> hash)
    {
        if (hash.Length < 16)
        {
            throw new ArgumentException($"A UID needs 16 bytes of hash, got {hash.Length}.", nameof(hash));
        }

        var value = BinaryPrimitives.ReadUInt128BigEndian(hash);
        return "2.25." + value.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Checks a UID: at most 64 characters, digits in components separated by dots, no leading zeros.</summary>
    /// <param name="uid">The UID, without padding.</param>
    /// <returns>True when it is valid.</returns>
    public static bool IsValid(string uid)
    {
        if (string.IsNullOrEmpty(uid) || uid.Length > 64)
        {
            return false;
        }

        foreach (var component in uid.Split('.'))
        {
            if (component.Length == 0 || !component.All(char.IsAsciiDigit) || (component.Length > 1 && component[0] == '0'))
            {
                return false;
            }
        }

        return true;
    }
}
