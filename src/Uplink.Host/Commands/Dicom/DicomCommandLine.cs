using System.Globalization;
using Uplink.Dicom.Network;

namespace Uplink.Host.Commands.Dicom;

/// <summary>
/// The values shared by <c>uplink dicom echo</c> and <c>uplink dicom send</c>, checked: the node, our AE title,
/// the timeout and the largest PDU we accept (0 = unlimited); and the files to send.
/// </summary>
internal sealed record DicomCommandLine(DicomNode Node, DicomClientOptions Client, IReadOnlyList<string> Files)
{
    /// <summary>Checks the values and builds the client options.</summary>
    /// <param name="nodeText">The node as typed, <c>AE@HOST:PORT</c>.</param>
    /// <param name="calling">Our AE title.</param>
    /// <param name="timeoutSeconds">The timeout, above 0.</param>
    /// <param name="maxPdu">0 or at least 4096.</param>
    /// <param name="files">The files to send.</param>
    /// <param name="error">What is wrong.</param>
    /// <returns>The command line, or null.</returns>
    public static DicomCommandLine? Create(string nodeText, string calling, double timeoutSeconds, uint maxPdu, IReadOnlyList<string> files, out string error)
    {
        error = string.Empty;
        if (timeoutSeconds is <= 0 or double.NaN || double.IsInfinity(timeoutSeconds))
        {
            error = $"--timeout '{timeoutSeconds.ToString(CultureInfo.InvariantCulture)}' is not valid (seconds above 0).";
            return null;
        }

        if (maxPdu is > 0 and < 4096)
        {
            error = $"--max-pdu '{maxPdu}' is not valid (0 or at least 4096 bytes).";
            return null;
        }

        var timeout = TimeSpan.FromSeconds(timeoutSeconds);
        DicomNode node;
        try
        {
            node = DicomNode.Parse(nodeText);
        }
        catch (FormatException e)
        {
            error = e.Message;
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
