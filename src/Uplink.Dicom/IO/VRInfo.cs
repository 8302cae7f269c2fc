namespace Uplink.Dicom.IO;

/// <summary>Facts about each VR that the reader and writer need (PS3.5 Table 6.2-1 and 7.1-1).</summary>
internal static class VRInfo
{
    private static readonly DicomVR[] ByCode = BuildCodes();

    /// <summary>Parses the two VR characters of an explicit VR element.</summary>
    public static bool TryParse(byte first, byte second, out DicomVR vr)
    {
        vr = first is >= (byte)'A' and <= (byte)'Z' && second is >= (byte)'A' and <= (byte)'Z'
            ? ByCode[((first - 'A') * 26) + (second - 'A')]
            : DicomVR.None;
        return vr != DicomVR.None;
    }

    /// <summary>Parses a VR name such as <c>PN</c>.</summary>
    public static DicomVR Parse(string text)
        => text.Length == 2 && TryParse((byte)text[0], (byte)text[1], out var vr) ? vr : DicomVR.None;

    /// <summary>True when explicit VR encodes the length in 32 bits after two reserved bytes.</summary>
    public static bool HasLongLength(DicomVR vr) => vr is DicomVR.OB or DicomVR.OD or DicomVR.OF or DicomVR.OL
        or DicomVR.OV or DicomVR.OW or DicomVR.SQ or DicomVR.UC or DicomVR.UN or DicomVR.UR or DicomVR.UT
        or DicomVR.SV or DicomVR.UV;

    /// <summary>The byte-swap unit for big endian data: 0 for bytes and text.</summary>
    public static int SwapUnit(DicomVR vr) => vr switch
    {
        DicomVR.US or DicomVR.SS or DicomVR.OW or DicomVR.AT => 2,
        DicomVR.UL or DicomVR.SL or DicomVR.FL or DicomVR.OF or DicomVR.OL => 4,
        DicomVR.FD or DicomVR.OD or DicomVR.SV or DicomVR.UV or DicomVR.OV => 8,
        _ => 0,
    };

    /// <summary>True for the VRs of opaque binary data (Other Byte/Word/Float/..., Unknown) that may stay on disk.</summary>
    public static bool IsBlob(DicomVR vr) => vr is DicomVR.OB or DicomVR.OW or DicomVR.OF or DicomVR.OD or DicomVR.OL
        or DicomVR.OV or DicomVR.UN;

    /// <summary>True for the character string VRs.</summary>
    public static bool IsText(DicomVR vr) => vr is DicomVR.AE or DicomVR.AS or DicomVR.CS or DicomVR.DA
        or DicomVR.DS or DicomVR.DT or DicomVR.IS or DicomVR.LO or DicomVR.LT or DicomVR.PN or DicomVR.SH
        or DicomVR.ST or DicomVR.TM or DicomVR.UC or DicomVR.UI or DicomVR.UR or DicomVR.UT;

    /// <summary>True for text VRs whose characters come from Specific Character Set (PS3.5 6.1.2.3).</summary>
    public static bool UsesCharacterSet(DicomVR vr) => vr is DicomVR.LO or DicomVR.LT or DicomVR.PN
        or DicomVR.SH or DicomVR.ST or DicomVR.UC or DicomVR.UT;

    /// <summary>True for text VRs that hold exactly one value, where a backslash is just a character.</summary>
    public static bool IsSingleValued(DicomVR vr) => vr is DicomVR.LT or DicomVR.ST or DicomVR.UT or DicomVR.UR;

    /// <summary>The byte that pads a value to even length: NUL for UI and binary VRs, space for text.</summary>
    public static byte PaddingByte(DicomVR vr) => IsText(vr) && vr != DicomVR.UI ? (byte)' ' : (byte)0;

    private static DicomVR[] BuildCodes()
    {
        var codes = new DicomVR[26 * 26];
        foreach (var vr in Enum.GetValues<DicomVR>())
        {
            if (vr == DicomVR.None)
            {
                continue;
            }

            var name = vr.ToString();
            codes[((name[0] - 'A') * 26) + (name[1] - 'A')] = vr;
        }

        return codes;
    }
}
