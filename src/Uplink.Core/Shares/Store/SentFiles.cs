using System.Text.Json;
using Uplink.Core.Anonymization.Shaping;

namespace Uplink.Core.Shares.Store;

/// <summary>
/// The record of the files an output was given for one image: part number (0 for the whole instance), SHA-256 and
/// length of each, as the bytes were verified on disk. Kept on the delivery row and summarised in the attempt log.
/// </summary>
internal static class SentFiles
{
    /// <summary>What is recorded of shaped DICOM files.</summary>
    /// <param name="files">The files sent.</param>
    /// <returns>Each file's part, hash and length.</returns>
    public static IReadOnlyList<Entry> Of(IReadOnlyList<ShapedFile> files) => files.Select(f => new Entry(f.Part, f.Sha256, f.Length)).ToList();

    /// <summary>The JSON kept on the delivery row.</summary>
    /// <param name="files">The files sent.</param>
    /// <returns>A JSON array of <c>{"part","sha256","length"}</c>.</returns>
    public static string ToJson(IReadOnlyList<Entry> files) => JsonSerializer.Serialize(files);

    /// <summary>Reads the JSON kept on a delivery row.</summary>
    /// <param name="json">The row's value.</param>
    /// <returns>Each file's part, hash and length.</returns>
    public static IReadOnlyList<Entry> Parse(string json) => JsonSerializer.Deserialize<List<Entry>>(json) ?? [];

    /// <summary>One line for the attempt log.</summary>
    /// <param name="files">The files sent.</param>
    /// <returns>For example <c>sent 2 file(s): part 1 sha256 ab… 9000000 bytes; …</c>.</returns>
    public static string Summary(IReadOnlyList<Entry> files) =>
        $"sent {files.Count} file(s): " + string.Join("; ", files.Select(f => $"{(f.Part == 0 ? "whole" : $"part {f.Part}")} sha256 {f.Sha256} {f.Length} bytes"));

    /// <summary>One file sent.</summary>
    /// <param name="Part">The part number, 0 for the whole instance or document.</param>
    /// <param name="Sha256">Its SHA-256, lower-case hex.</param>
    /// <param name="Length">Its length in bytes.</param>
    internal sealed record Entry(
        [property: System.Text.Json.Serialization.JsonPropertyName("part")] int Part,
        [property: System.Text.Json.Serialization.JsonPropertyName("sha256")] string Sha256,
        [property: System.Text.Json.Serialization.JsonPropertyName("length")] long Length);
}
