using System.Text.Json.Serialization;

namespace Uplink.Core.Anonymization.Pixels;

/// <summary>An image-area file (<c>profiles/image-areas/*.json</c>), as written.</summary>
internal sealed record ImageAreaRuleFile
{
    [JsonPropertyName("rules")]
    public IReadOnlyList<ImageAreaRuleDocument>? Rules { get; init; }
}
