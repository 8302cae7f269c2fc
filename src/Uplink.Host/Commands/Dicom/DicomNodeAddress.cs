using System.Globalization;

namespace Uplink.Host.Commands.Dicom;

/// <summary>A DICOM node as typed on the command line: <c>AE@HOST:PORT</c>.</summary>
internal sealed record DicomNodeAddress(string AeTitle, string Host, int Port)
{
    /// <summary>Parses <c>AE@HOST:PORT</c>; the error names the part that is wrong.</summary>
    public static DicomNodeAddress? TryParse(string text, out string error)
    {
        error = string.Empty;
        var at = text.IndexOf('@', StringComparison.Ordinal);
        var colon = text.LastIndexOf(':');
        if (at <= 0 || colon < at + 2 || colon == text.Length - 1)
        {
            error = $"'{text}' is not AE@HOST:PORT.";
            return null;
        }

        var ae = text[..at];
        if (ae.Length > 16 || ae.Any(c => c is < ' ' or > '~' or '\\') || ae.Trim().Length == 0)
        {
            error = $"AE title '{ae}' must be 1 to 16 printable ASCII characters without a backslash.";
            return null;
        }

        if (!int.TryParse(text[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            error = $"Port '{text[(colon + 1)..]}' must be a number from 1 to 65535.";
            return null;
        }

        // [::1]:104 style IPv6 literals keep their brackets out of the host name.
        var host = text[(at + 1)..colon].Trim('[', ']');
        return new DicomNodeAddress(ae, host, port);
    }

    public override string ToString() => $"{AeTitle}@{Host}:{Port}";
}
