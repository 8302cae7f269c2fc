using System.Text.Json;
using Uplink.Core.Anonymization;
using Uplink.Plugins.Abstractions.Profiles;

namespace Uplink.Host.Commands.Anonymize;

/// <summary>The JSON report of one <c>uplink anonymize</c> run: totals, then every file with its audit record.</summary>
internal static class AnonymizeReport
{
    /// <summary>Writes the report.</summary>
    /// <param name="path">The report file.</param>
    /// <param name="descriptor">The profile used.</param>
    /// <param name="inputs">The files, in order.</param>
    /// <param name="results">Their results, same order.</param>
    /// <param name="seconds">The wall time of the run.</param>
    public static void Write(string path, ProfileDescriptor descriptor, IReadOnlyList<AnonymizeInput> inputs, IReadOnlyList<InstanceResult> results, double seconds)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("profile", descriptor.Id);
        json.WriteString("profileVersion", descriptor.Version);
        json.WriteNumber("seconds", Math.Round(seconds, 3));
        json.WriteNumber("files", results.Count);
        foreach (var disposition in Enum.GetValues<AnonymizationDisposition>())
        {
            json.WriteNumber(JsonNamingPolicy.CamelCase.ConvertName(disposition.ToString()), results.Count(r => r.Disposition == disposition));
        }

        json.WriteStartArray("results");
        for (var i = 0; i < results.Count; i++)
        {
            json.WriteStartObject();
            json.WriteString("input", inputs[i].RelativePath);
            json.WriteString("disposition", results[i].Disposition.ToString());
            if (results[i].Output is { } output)
            {
                json.WriteString("output", inputs[i].RelativePath);
                json.WriteString("sha256", output.Sha256);
            }

            if (results[i].Reason is { } reason)
            {
                json.WriteString("reason", reason);
            }

            if (results[i].AuditJson is { } audit)
            {
                json.WritePropertyName("audit");
                json.WriteRawValue(audit);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
