using System.Text;
using System.Text.Json;
using Uplink.Core.Anonymization.Verification;
using Uplink.Plugins.Abstractions.Profiles;

namespace Uplink.Core.Anonymization.Audit;

/// <summary>
/// The audit record of one instance, as JSON without patient data: the profile and its version, the tags
/// removed, replaced and kept (tags only), the methods applied, the verifier's result and the output's SHA-256.
/// </summary>
internal static class AuditRecord
{
    /// <summary>Writes the record.</summary>
    /// <param name="descriptor">The profile.</param>
    /// <param name="disposition">What became of the instance.</param>
    /// <param name="reason">Why it was set aside or discarded (already free of patient data).</param>
    /// <param name="audit">What the profile did, when it anonymized.</param>
    /// <param name="verification">The verifier's result, when it ran.</param>
    /// <param name="output">The written output, when it passed.</param>
    /// <returns>The JSON text.</returns>
    public static string ToJson(
        ProfileDescriptor descriptor,
        AnonymizationDisposition disposition,
        string? reason,
        AnonymizationAudit? audit,
        VerificationResult? verification,
        AnonymizedInstanceInfo? output)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteStartObject("profile");
            json.WriteString("id", descriptor.Id);
            json.WriteString("version", descriptor.Version);
            json.WriteEndObject();
            json.WriteString("disposition", disposition.ToString());
            if (reason is not null)
            {
                json.WriteString("reason", reason);
            }

            if (audit is not null)
            {
                WriteTags(json, "removed", audit.Removed.Select(t => t.ToString()));
                WriteTags(json, "replaced", audit.Replaced.Select(t => t.ToString()));
                WriteTags(json, "kept", audit.Kept.Select(t => t.ToString()));
                WriteTags(json, "methods", audit.Methods);
            }

            if (verification is not null)
            {
                json.WriteStartObject("verifier");
                json.WriteBoolean("passed", verification.Passed);
                WriteTags(json, "checks", verification.Checks);
                WriteTags(json, "violations", verification.Violations);
                if (verification.Pixels is { } pixels)
                {
                    json.WriteStartObject("pixels");
                    json.WriteString("areaSource", pixels.AreaSource);
                    json.WriteStartArray("kept");
                    foreach (var kept in pixels.Kept)
                    {
                        json.WriteStartArray();
                        json.WriteNumberValue(kept.X0);
                        json.WriteNumberValue(kept.Y0);
                        json.WriteNumberValue(kept.X1);
                        json.WriteNumberValue(kept.Y1);
                        json.WriteEndArray();
                    }

                    json.WriteEndArray();
                    json.WriteNumber("frames", pixels.Frames);
                    json.WriteEndObject();
                }

                json.WriteEndObject();
            }

            if (output is not null)
            {
                json.WriteStartObject("output");
                json.WriteString("sha256", output.Sha256);
                json.WriteNumber("length", output.Length);
                if (output.IsDocument)
                {
                    json.WriteString("mediaType", output.NonDicomMediaType);
                    json.WriteBoolean("passwordProtected", true);
                }
                else
                {
                    json.WriteString("sopClassUid", output.SopClassUid);
                    json.WriteString("sopInstanceUid", output.SopInstanceUid);
                    json.WriteString("transferSyntaxUid", output.TransferSyntaxUid);
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteTags(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
