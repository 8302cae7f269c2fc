using System.Collections.Frozen;
using Uplink.Dicom.Dictionary;

namespace Uplink.Dicom;

/// <summary>A transfer syntax: how a dataset is encoded (VR explicit or implicit, byte order, deflate, encapsulation).</summary>
public sealed class DicomTransferSyntax
{
    private const string ExplicitLittleUid = "1.2.840.10008.1.2.1";

    private static readonly FrozenDictionary<string, DicomTransferSyntax> Known = BuildKnown();

    private DicomTransferSyntax(string uid, string name, bool isExplicitVR, bool isLittleEndian, bool isDeflated, bool isEncapsulated)
    {
        Uid = uid;
        Name = name;
        IsExplicitVR = isExplicitVR;
        IsLittleEndian = isLittleEndian;
        IsDeflated = isDeflated;
        IsEncapsulated = isEncapsulated;
    }

    /// <summary>Implicit VR Little Endian, 1.2.840.10008.1.2 (the default transfer syntax).</summary>
    public static DicomTransferSyntax ImplicitVRLittleEndian { get; } = Lookup("1.2.840.10008.1.2");

    /// <summary>Explicit VR Little Endian, 1.2.840.10008.1.2.1 (what Uplink writes for native pixel data).</summary>
    public static DicomTransferSyntax ExplicitVRLittleEndian { get; } = Lookup(ExplicitLittleUid);

    /// <summary>Explicit VR Big Endian (retired), 1.2.840.10008.1.2.2.</summary>
    public static DicomTransferSyntax ExplicitVRBigEndian { get; } = Lookup("1.2.840.10008.1.2.2");

    /// <summary>Deflated Explicit VR Little Endian, 1.2.840.10008.1.2.1.99.</summary>
    public static DicomTransferSyntax DeflatedExplicitVRLittleEndian { get; } = Lookup("1.2.840.10008.1.2.1.99");

    /// <summary>JPEG Baseline (Process 1), 1.2.840.10008.1.2.4.50.</summary>
    public static DicomTransferSyntax JpegBaseline { get; } = Lookup("1.2.840.10008.1.2.4.50");

    /// <summary>JPEG Lossless, Non-Hierarchical, First-Order Prediction, 1.2.840.10008.1.2.4.70.</summary>
    public static DicomTransferSyntax JpegLossless { get; } = Lookup("1.2.840.10008.1.2.4.70");

    /// <summary>RLE Lossless, 1.2.840.10008.1.2.5.</summary>
    public static DicomTransferSyntax RleLossless { get; } = Lookup("1.2.840.10008.1.2.5");

    /// <summary>The transfer syntax UID.</summary>
    public string Uid { get; }

    /// <summary>The name from PS3.6 Annex A, or <c>Unknown (uid)</c>.</summary>
    public string Name { get; }

    /// <summary>True when each element carries its VR.</summary>
    public bool IsExplicitVR { get; }

    /// <summary>True for little endian byte order.</summary>
    public bool IsLittleEndian { get; }

    /// <summary>True when the dataset after the File Meta is deflated (RFC 1951).</summary>
    public bool IsDeflated { get; }

    /// <summary>True when Pixel Data is encapsulated in fragments (compressed or otherwise).</summary>
    public bool IsEncapsulated { get; }

    /// <summary>Finds a transfer syntax by UID. Unknown UIDs are taken as encapsulated Explicit VR Little Endian.</summary>
    /// <param name="uid">The UID; trailing NUL or space padding is ignored.</param>
    /// <returns>The transfer syntax.</returns>
    public static DicomTransferSyntax Lookup(string uid)
    {
        ArgumentNullException.ThrowIfNull(uid);
        var trimmed = uid.TrimEnd('\0', ' ');
        return Known.TryGetValue(trimmed, out var known)
            ? known
            : new DicomTransferSyntax(trimmed, $"Unknown ({trimmed})", true, true, false, true);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({Uid})";

    private static FrozenDictionary<string, DicomTransferSyntax> BuildKnown()
    {
        var known = new Dictionary<string, DicomTransferSyntax>(StringComparer.Ordinal);
        foreach (var line in DictionaryData.TransferSyntaxes.Split('\n'))
        {
            var fields = line.Split('\t');
            var uid = fields[0];
            known[uid] = uid switch
            {
                "1.2.840.10008.1.2" or "1.2.840.10008.1.20" => new(uid, fields[1], false, true, false, false),
                "1.2.840.10008.1.2.2" => new(uid, fields[1], true, false, false, false),
                "1.2.840.10008.1.2.1.99" or "1.2.840.10008.1.2.4.95" or "1.2.840.10008.1.2.4.205"
                    => new(uid, fields[1], true, true, true, false),
                ExplicitLittleUid or "1.2.840.10008.1.2.4.94" or "1.2.840.10008.1.2.4.204"
                    or "1.2.840.10008.1.2.6.1" or "1.2.840.10008.1.2.6.2"
                    => new(uid, fields[1], true, true, false, false),
                _ => new(uid, fields[1], true, true, false, true),
            };
        }

        return known.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
