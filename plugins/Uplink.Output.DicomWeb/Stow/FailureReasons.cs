using Uplink.Plugins.Abstractions.Outputs;

namespace Uplink.Output.DicomWeb.Stow;

/// <summary>
/// Turns a STOW Failure Reason (PS3.4 C-STORE status codes, as PS3.18 uses them) into what Uplink does:
/// a duplicate is already there (delivered), out of resources or a processing failure is passing
/// (retry), and anything about the data itself is final (set aside).
/// </summary>
internal static class FailureReasons
{
    public static DeliveryResult Classify(string key, ushort? code)
    {
        var hex = code is { } c ? $"0x{c:X4}" : "without a reason code";
        return code switch
        {
            0x0111 => DeliveryResult.Delivered(key),
            0x0110 => DeliveryResult.Retry(key, $"The server failed to process the instance (Failure Reason {hex})."),
            >= 0xA700 and <= 0xA7FF => DeliveryResult.Retry(key, $"The server is out of resources (Failure Reason {hex})."),
            0x0122 => DeliveryResult.SetAside(key, $"The server does not support the instance's SOP class (Failure Reason {hex})."),
            0xC122 => DeliveryResult.SetAside(key, $"The server does not support the instance's transfer syntax (Failure Reason {hex})."),
            >= 0xA900 and <= 0xA9FF => DeliveryResult.SetAside(key, $"The server says the data set does not match its SOP class (Failure Reason {hex})."),
            >= 0xC000 and <= 0xCFFF => DeliveryResult.SetAside(key, $"The server cannot understand the instance (Failure Reason {hex})."),
            _ => DeliveryResult.SetAside(key, $"The server refused the instance (Failure Reason {hex})."),
        };
    }
}
