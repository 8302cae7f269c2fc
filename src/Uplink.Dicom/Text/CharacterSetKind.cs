namespace Uplink.Dicom.Text;

/// <summary>Where an ISO 2022 character set goes: G0 (7-bit) or G1 (high half), single or double byte.</summary>
internal enum CharacterSetKind
{
    /// <summary>ASCII (or JIS X 0201 Romaji) in G0.</summary>
    Ascii,

    /// <summary>A single-byte set in G1: ISO 8859 parts, JIS X 0201 Katakana, TIS 620.</summary>
    SingleByteG1,

    /// <summary>A double-byte set in G1: KS X 1001 (EUC-KR), GB 2312 (EUC-CN).</summary>
    DoubleByteG1,

    /// <summary>JIS X 0208 in G0, two 7-bit bytes per character.</summary>
    JisX0208,

    /// <summary>JIS X 0212 in G0, two 7-bit bytes per character.</summary>
    JisX0212,

    /// <summary>A whole-value encoding without code extensions: UTF-8, GB18030, GBK.</summary>
    Whole,
}
