namespace Uplink.Dicom;

/// <summary>The value representation of a data element (PS3.5 6.2). <see cref="None"/> marks items and delimiters.</summary>
public enum DicomVR
{
    /// <summary>No VR: item and delimitation tags, or an unknown dictionary entry.</summary>
    None,

    /// <summary>Application Entity.</summary>
    AE,

    /// <summary>Age String.</summary>
    AS,

    /// <summary>Attribute Tag.</summary>
    AT,

    /// <summary>Code String.</summary>
    CS,

    /// <summary>Date.</summary>
    DA,

    /// <summary>Decimal String.</summary>
    DS,

    /// <summary>Date Time.</summary>
    DT,

    /// <summary>Floating Point Double.</summary>
    FD,

    /// <summary>Floating Point Single.</summary>
    FL,

    /// <summary>Integer String.</summary>
    IS,

    /// <summary>Long String.</summary>
    LO,

    /// <summary>Long Text.</summary>
    LT,

    /// <summary>Other Byte.</summary>
    OB,

    /// <summary>Other Double.</summary>
    OD,

    /// <summary>Other Float.</summary>
    OF,

    /// <summary>Other Long.</summary>
    OL,

    /// <summary>Other 64-bit Very Long.</summary>
    OV,

    /// <summary>Other Word.</summary>
    OW,

    /// <summary>Person Name.</summary>
    PN,

    /// <summary>Short String.</summary>
    SH,

    /// <summary>Signed Long.</summary>
    SL,

    /// <summary>Sequence of Items.</summary>
    SQ,

    /// <summary>Signed Short.</summary>
    SS,

    /// <summary>Short Text.</summary>
    ST,

    /// <summary>Signed 64-bit Very Long.</summary>
    SV,

    /// <summary>Time.</summary>
    TM,

    /// <summary>Unlimited Characters.</summary>
    UC,

    /// <summary>Unique Identifier (UID).</summary>
    UI,

    /// <summary>Unsigned Long.</summary>
    UL,

    /// <summary>Unknown.</summary>
    UN,

    /// <summary>Universal Resource Identifier or Locator.</summary>
    UR,

    /// <summary>Unsigned Short.</summary>
    US,

    /// <summary>Unlimited Text.</summary>
    UT,

    /// <summary>Unsigned 64-bit Very Long.</summary>
    UV,
}
