using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Uplink.Dicom.Network;
using Uplink.Plugins.Shared.Settings;

namespace Uplink.Output.DicomStore;

/// <summary>The DICOM node instances are sent to (the plugin's <c>Settings</c> section).</summary>
internal sealed record DicomStoreOutputOptions
{
    /// <summary>How setting errors name this output.</summary>
    public const string Owner = "DICOM store output";

    // PS3.5 VR AE: 1 to 16 printable ASCII characters without a backslash, not only spaces.
    private const string AeTitlePattern = @"^(?=.*[^ ])[\x20-\x5B\x5D-\x7E]{1,16}$";
    private const string AeTitleRule = "The field {0} must be 1 to 16 printable ASCII characters without a backslash, and not only spaces.";

    /// <summary>The node's host name or address.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Host { get; init; } = string.Empty;

    /// <summary>The node's port.</summary>
    [Range(1, 65535)]
    public int Port { get; init; }

    /// <summary>The node's AE title.</summary>
    [Required(AllowEmptyStrings = false)]
    [RegularExpression(AeTitlePattern, ErrorMessage = AeTitleRule)]
    public string CalledAeTitle { get; init; } = string.Empty;

    /// <summary>Uplink's AE title towards the node.</summary>
    [Required(AllowEmptyStrings = false)]
    [RegularExpression(AeTitlePattern, ErrorMessage = AeTitleRule)]
    public string CallingAeTitle { get; init; } = "UPLINK";

    /// <summary>The maximum PDU length announced to the node (0 = unlimited).</summary>
    public uint MaxPduLength { get; init; } = 65536;

    /// <summary>Seconds to wait for the connection, the association and each response.</summary>
    [Range(1, 3600)]
    public int TimeoutSeconds { get; init; } = 30;

    /// <summary>TLS to the destination (PS3.15 secure transport); off unless enabled.</summary>
    public DicomTlsSettings Tls { get; init; } = new();

    /// <summary>Binds and validates the settings; the error names the setting.</summary>
    /// <param name="settings">The plugin's settings section.</param>
    /// <returns>The validated options.</returns>
    /// <exception cref="ValidationException">A setting is missing or out of range.</exception>
    public static DicomStoreOutputOptions Bind(IConfiguration settings) =>
        PluginSettings.Bind(settings, new DicomStoreOutputOptions(), Owner);
}
