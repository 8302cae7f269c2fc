using System.Text.Json;

namespace Uplink.Output.DicomWeb.Stow;

/// <summary>
/// What a STOW-RS response body (DICOM JSON, PS3.18 F.2) says per instance: the Referenced SOP Sequence
/// (0008,1199) lists stored instances, the Failed SOP Sequence (0008,1198) lists refused ones with their
/// Failure Reason (0008,1197).
/// </summary>
/// <param name="Stored">SOP Instance UIDs the server stored.</param>
/// <param name="Failed">SOP Instance UIDs the server refused, with the failure reason code when given.</param>
internal sealed record StowResponse(IReadOnlySet<string> Stored, IReadOnlyDictionary<string, ushort?> Failed)
{
    public static StowResponse Empty { get; } = new(new HashSet<string>(), new Dictionary<string, ushort?>());

    /// <summary>Reads the body; an empty or non-JSON body (some servers send XML or nothing) reads as empty.</summary>
    public static StowResponse Parse(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return Empty;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement.ValueKind == JsonValueKind.Array && document.RootElement.GetArrayLength() > 0
                ? document.RootElement[0]
                : document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Empty;
            }

            var stored = Items(root, "00081199").Select(i => Uid(i)).OfType<string>().ToHashSet(StringComparer.Ordinal);
            var failed = new Dictionary<string, ushort?>(StringComparer.Ordinal);
            foreach (var item in Items(root, "00081198"))
            {
                if (Uid(item) is { } uid)
                {
                    failed[uid] = Reason(item);
                }
            }

            return new StowResponse(stored, failed);
        }
        catch (JsonException)
        {
            return Empty;
        }
    }

    private static IEnumerable<JsonElement> Items(JsonElement root, string tag) =>
        root.TryGetProperty(tag, out var sequence) && sequence.TryGetProperty("Value", out var items) && items.ValueKind == JsonValueKind.Array
            ? items.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object).ToArray()
            : [];

    private static string? Uid(JsonElement item) =>
        item.TryGetProperty("00081155", out var element) && element.TryGetProperty("Value", out var value) && value.ValueKind == JsonValueKind.Array && value.GetArrayLength() > 0
            ? value[0].GetString()
            : null;

    private static ushort? Reason(JsonElement item) =>
        item.TryGetProperty("00081197", out var element) && element.TryGetProperty("Value", out var value) && value.ValueKind == JsonValueKind.Array
            && value.GetArrayLength() > 0 && value[0].TryGetUInt16(out var code)
            ? code
            : null;
}
