namespace Uplink.Dicom.Network.Dimse;

/// <summary>Values of (0000,0100) Command Field (PS3.7 E.1) that Uplink sends or answers.</summary>
internal static class CommandField
{
    public const ushort CStoreRequest = 0x0001;
    public const ushort CStoreResponse = 0x8001;
    public const ushort CEchoRequest = 0x0030;
    public const ushort CEchoResponse = 0x8030;

    /// <summary>(0000,0800) Command Data Set Type when no data set follows.</summary>
    public const ushort NoDataSet = 0x0101;

    /// <summary>Any other value of (0000,0800) means a data set follows; this is the one Uplink writes.</summary>
    public const ushort DataSetPresent = 0x0000;
}
