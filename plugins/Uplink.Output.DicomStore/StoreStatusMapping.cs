using Uplink.Dicom.Network;
using Uplink.Plugins.Abstractions.Outputs;

namespace Uplink.Output.DicomStore;

/// <summary>
/// What a C-STORE status means for delivery (PS3.4 B.2.3): success and warnings are delivered (a warning
/// is recorded), out of resources is passing and retried, anything else is this instance's fault and set aside.
/// </summary>
internal static class StoreStatusMapping
{
    public static DeliveryResult ToResult(string key, ushort status) => status switch
    {
        DimseStatus.Success => DeliveryResult.Delivered(key),
        _ when DimseStatus.IsSuccessOrWarning(status) => new DeliveryResult(DeliveryStatus.Delivered, key, $"Stored with warning status 0x{status:X4}."),
        _ when (status & 0xFF00) == 0xA700 => DeliveryResult.Retry(key, $"The node is out of resources (status 0x{status:X4})."),
        _ => DeliveryResult.SetAside(key, $"The node refused the instance (status 0x{status:X4})."),
    };
}
