using System.Globalization;
using Uplink.Dicom.Network;

namespace Uplink.Host.Commands.Dicom;

/// <summary>
/// The arguments shared by <c>uplink dicom echo</c> and <c>uplink dicom send</c>: the node, then
/// <c>--aet CALLING</c> (default UPLINK), <c>--timeout SECONDS</c> (default 30) and <c>--max-pdu BYTES</c>
/// (default 65536, 0 = unlimited); anything else is a file (for send).
/// </summary>
internal sealed record DicomCommandLine(DicomNodeAddress Node, DicomClientOptions Client, IReadOnlyList<string> Files)
{
    public static DicomCommandLine? TryParse(IReadOnlyList<string> args, out string error)
    {
        error = string.Empty;
        string calling = "UPLINK";
        var timeout = TimeSpan.FromSeconds(30);
        uint maxPdu = 65536;
        DicomNodeAddress? node = null;
        var files = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "--aet" or "--timeout" or "--max-pdu")
            {
                if (i + 1 == args.Count)
                {
                    error = $"{arg} needs a value.";
                    return null;
                }

                var value = args[++i];
                switch (arg)
                {
                    case "--aet":
                        calling = value;
                        break;
                    case "--timeout" when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0:
                        timeout = TimeSpan.FromSeconds(seconds);
                        break;
                    case "--max-pdu" when uint.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var bytes) && (bytes == 0 || bytes >= 4096):
                        maxPdu = bytes;
                        break;
                    default:
                        error = $"{arg} '{value}' is not valid ({(arg == "--timeout" ? "seconds above 0" : "0 or at least 4096 bytes")}).";
                        return null;
                }
            }
            else if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                error = $"Unknown option {arg}.";
                return null;
            }
            else if (node is null)
            {
                node = DicomNodeAddress.TryParse(arg, out error);
                if (node is null)
                {
                    return null;
                }
            }
            else
            {
                files.Add(arg);
            }
        }

        if (node is null)
        {
            error = "The node AE@HOST:PORT is missing.";
            return null;
        }

        var client = new DicomClientOptions
        {
            Host = node.Host,
            Port = node.Port,
            CalledAeTitle = node.AeTitle,
            CallingAeTitle = calling,
            MaxPduLength = maxPdu,
            Timeouts = new DicomNetworkTimeouts(timeout, timeout, timeout),
        };
        return new DicomCommandLine(node, client, files);
    }
}
