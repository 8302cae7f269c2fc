namespace Uplink.Core.Anonymization;

/// <summary>
/// Where an output is written before it is renamed into place: beside its destination (so the rename stays on one
/// file system), hidden by a leading dot, unique, and named <c>.partial</c> so nobody takes it for a finished file.
/// </summary>
internal static class PartialFile
{
    /// <summary>A fresh temporary path beside <paramref name="destination"/>.</summary>
    /// <param name="destination">The full path the output will have.</param>
    /// <returns>The temporary path.</returns>
    public static string Beside(string destination) =>
        Path.Combine(Path.GetDirectoryName(destination)!, $".{Path.GetFileName(destination)}.{Guid.NewGuid():N}.partial");
}
