namespace Uplink.Core.Anonymization;

/// <summary>Names the media type of non-DICOM content from its first bytes (never from its name, which a source may not have).</summary>
internal static class MediaTypeSniffer
{
    /// <summary>The media type of content nobody recognises.</summary>
    public const string Unknown = "application/octet-stream";

    /// <summary>How many leading bytes <see cref="Sniff"/> looks at.</summary>
    public const int PrefixLength = 16;

    private static readonly (byte[] Magic, int Offset, string MediaType)[] Signatures =
    [
        ("%PDF-"u8.ToArray(), 0, "application/pdf"),
        ([0xFF, 0xD8, 0xFF], 0, "image/jpeg"),
        ([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A], 0, "image/png"),
        ("GIF8"u8.ToArray(), 0, "image/gif"),
        ("II*\0"u8.ToArray(), 0, "image/tiff"),
        ("MM\0*"u8.ToArray(), 0, "image/tiff"),
        ("BM"u8.ToArray(), 0, "image/bmp"),
        ("ftypqt"u8.ToArray(), 4, "video/quicktime"),
        ("ftyp"u8.ToArray(), 4, "video/mp4"),
        ("AVI "u8.ToArray(), 8, "video/x-msvideo"),
        ("WEBP"u8.ToArray(), 8, "image/webp"),
    ];

    /// <summary>The media type of content starting with <paramref name="prefix"/>.</summary>
    /// <param name="prefix">Up to <see cref="PrefixLength"/> leading bytes.</param>
    /// <returns>The media type, or <see cref="Unknown"/>.</returns>
    public static string Sniff(ReadOnlySpan<byte> prefix)
    {
        foreach (var (magic, offset, mediaType) in Signatures)
        {
            if (prefix.Length >= offset + magic.Length && prefix.Slice(offset, magic.Length).SequenceEqual(magic))
            {
                return mediaType;
            }
        }

        return Unknown;
    }
}
