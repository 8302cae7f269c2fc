using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Uplink.Dicom.Network;

namespace Uplink.Output.DicomStore;

/// <summary>The DICOM node instances are sent to (the plugin's <c>Settings</c> section).</summary>
internal sealed record DicomStoreOutputOptions
{
    /// <summary>The node's host name or address.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Host { get; init; } = string.Empty;

    /// <summary>The node's port.</summary>
    [Range(1, 65535)]
    public int Port { get; init; }

    /// <summary>The node's AE title.</summary>
    [Required(AllowEmptyStrings = false)]
    [StringLength(16)]
    public string CalledAeTitle { get; init; } = string.Empty;

    /// <summary>Uplink's AE title towards the node.</summary>
    [Required(AllowEmptyStrings = false)]
    [StringLength(16)]
    public string CallingAeTitle { get; init; } = "UPLINK";

    /// <summary>The maximum PDU length announced to the node (0 = unlimited).</summary>
    public uint MaxPduLength { get; init; } = 65536;

    /// <summary>Seconds to wait for the connection, the association and each response.</summary>
    [Range(1, 3600)]
    public int TimeoutSeconds { get; init; } = 30;

    /// <summary>Binds and validates the settings; the error names the setting.</summary>
    /// <exception cref="ValidationException">A setting is missing or out of range.</exception>
    /// <summary>TLS to the destination (PS3.15 secure transport); off unless enabled.</summary>
    public DicomTlsSettings Tls { get; init; } = new();

    public static DicomStoreOutputOptions Bind(IConfiguration settings)
    {
        var options = settings.Get<DicomStoreOutputOptions>() ?? new DicomStoreOutputOptions();
        Validator.ValidateObject(options, new ValidationContext(options), validateAllProperties: true);
        return options;
    }
}
