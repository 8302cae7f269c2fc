namespace Uplink.Dicom.Network.Dimse;

/// <summary>Values of (0000,0100) Command Field (PS3.7 E.1) that Uplink sends or answers.</summary>
internal static class CommandField
{
    public const ushort CStoreRequest = 0x0001;
    public const ushort CStoreResponse = 0x8001;
    public const ushort CEchoRequest = 0x0030;
    public const ushort CEchoResponse = 0x8030;
    public const ushort CGetRequest = 0x0010;
    public const ushort CGetResponse = 0x8010;
    public const ushort CFindRequest = 0x0020;
    public const ushort CFindResponse = 0x8020;
    public const ushort CMoveRequest = 0x0021;
    public const ushort CMoveResponse = 0x8021;
    public const ushort CCancelRequest = 0x0FFF;

    /// <summary>(0000,0800) Command Data Set Type when no data set follows.</summary>
    public const ushort NoDataSet = 0x0101;

    /// <summary>Any other value of (0000,0800) means a data set follows; this is the one Uplink writes.</summary>
    public const ushort DataSetPresent = 0x0000;
}
