using System.Globalization;

namespace Uplink.Dicom.Network;

/// <summary>A DICOM node as configured or typed: <c>AE@HOST:PORT</c> (an IPv6 host in brackets, <c>AE@[::1]:104</c>).</summary>
/// <param name="AeTitle">The node's AE title.</param>
/// <param name="Host">The host name or address.</param>
/// <param name="Port">The TCP port.</param>
public sealed record DicomNode(string AeTitle, string Host, int Port)
{
    /// <summary>Parses <c>AE@HOST:PORT</c>.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The node.</returns>
    /// <exception cref="FormatException">The text is not of that shape; the message names the part that is wrong.</exception>
    public static DicomNode Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var at = text.IndexOf('@', StringComparison.Ordinal);
        var colon = text.LastIndexOf(':');
        if (at <= 0 || colon <= at + 1 || colon == text.Length - 1)
        {
            throw new FormatException($"'{text}' is not AE@HOST:PORT.");
        }

        string ae;
        try
        {
            ae = global::Uplink.Dicom.Network.AeTitle.Validate(text[..at], "node");
        }
        catch (ArgumentException e)
        {
            throw new FormatException(e.Message, e);
        }

        var portText = text[(colon + 1)..];
        return int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 1 and <= 65535
            ? new DicomNode(ae, text[(at + 1)..colon].Trim('[', ']'), port)
            : throw new FormatException($"The port '{portText}' of '{text}' is not valid: Port must be a number from 1 to 65535.");
    }

    /// <inheritdoc/>
    public override string ToString() => $"{AeTitle}@{Host}:{Port}";
}
