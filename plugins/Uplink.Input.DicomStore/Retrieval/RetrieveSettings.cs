using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Uplink.Dicom.Network;

namespace Uplink.Input.DicomStore.Retrieval;

/// <summary>The validated retrieval settings: the archive, the method, and what the retrieved instances may be.</summary>
internal sealed record RetrieveSettings(
    DicomNode Archive,
    bool UseMove,
    DicomQueryRoot Root,
    string CallingAeTitle,
    string DestinationAeTitle,
    TimeSpan Timeout,
    TimeSpan CancelGrace,
    IReadOnlyList<string> SopClasses,
    IReadOnlyList<string> TransferSyntaxes,
    uint MaxPduLength)
{
    /// <summary>Reads and checks the <c>Retrieve</c> section; null when no archive is configured.</summary>
    /// <exception cref="ValidationException">A setting is wrong; the message names it.</exception>
    public static RetrieveSettings? From(IConfiguration section, DicomStoreOptions input)
    {
        var options = new RetrieveOptions();
        section.Bind(options);
        if (string.IsNullOrWhiteSpace(options.Archive))
        {
            return null;
        }

        DicomNode archive;
        try
        {
            archive = DicomNode.Parse(options.Archive.Trim());
        }
        catch (FormatException e)
        {
            throw new ValidationException($"Retrieve:Archive: {e.Message}", e);
        }

        var useMove = options.Method.ToUpperInvariant() switch
        {
            "GET" => false,
            "MOVE" => true,
            _ => throw new ValidationException($"Retrieve:Method '{options.Method}' must be 'get' or 'move'."),
        };
        var root = options.Root.ToUpperInvariant() switch
        {
            "STUDY" => DicomQueryRoot.Study,
            "PATIENT" => DicomQueryRoot.Patient,
            _ => throw new ValidationException($"Retrieve:Root '{options.Root}' must be 'study' or 'patient'."),
        };
        var calling = string.IsNullOrWhiteSpace(options.CallingAeTitle) ? input.AeTitle : options.CallingAeTitle;
        if (calling.Length > 16 || calling.Any(c => c is < ' ' or > '~' or '\\'))
        {
            throw new ValidationException("Retrieve:CallingAeTitle must be 1 to 16 printable ASCII characters without a backslash.");
        }

        return new RetrieveSettings(
            archive,
            useMove,
            root,
            calling.Trim(),
            input.AeTitle.Trim(),
            Seconds(options.TimeoutSeconds, "TimeoutSeconds"),
            Seconds(options.CancelGraceSeconds, "CancelGraceSeconds"),
            [.. input.SopClasses],
            [.. input.TransferSyntaxes],
            input.MaxPduLength);
    }

    private static TimeSpan Seconds(int value, string name) => value is >= 1 and <= 3600
        ? TimeSpan.FromSeconds(value)
        : throw new ValidationException($"Retrieve:{name} {value} must be from 1 to 3600.");
}
