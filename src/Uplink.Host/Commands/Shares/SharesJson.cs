using System.Text.Json;
using Uplink.Core.Shares.Administration;

namespace Uplink.Host.Commands.Shares;

/// <summary><c>uplink shares … --json</c>: the administration's records as JSON, camel-cased, times ISO 8601.</summary>
internal static class SharesJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Renders the listed shares as an array.</summary>
    /// <param name="shares">The shares.</param>
    /// <returns>The JSON text.</returns>
    public static string Write(IReadOnlyList<ShareSummary> shares) => JsonSerializer.Serialize(shares, Options);

    /// <summary>Renders one share with its images as an object.</summary>
    /// <param name="detail">The share.</param>
    /// <returns>The JSON text.</returns>
    public static string Write(ShareDetail detail) => JsonSerializer.Serialize(detail, Options);
}
