namespace Uplink.Tests.Shared;

/// <summary>
/// Where the tests find the repository and the read-only <c>shared/</c> folder laid beside it (the
/// workplace and CI both put <c>shared/</c> next to the clone), by walking up from the test binaries.
/// Compiled into every test project, so there is one answer to "where is the corpus".
/// </summary>
internal static class RepositoryLayout
{
    /// <summary>The folder holding <c>Uplink.Plugins.sln</c>.</summary>
    /// <returns>Its full path.</returns>
    /// <exception cref="InvalidOperationException">The tests do not run from inside a clone.</exception>
    public static string Root() =>
        Above(folder => File.Exists(Path.Combine(folder, "Uplink.Plugins.sln")) ? folder : null)
        ?? throw new InvalidOperationException($"No Uplink.Plugins.sln above {AppContext.BaseDirectory}.");

    /// <summary>A folder under <c>shared/</c> (for example <c>dicom-corpus</c>), or null when it is not on this machine.</summary>
    /// <param name="name">The folder's name under <c>shared/</c>.</param>
    /// <returns>Its full path, or <see langword="null"/>.</returns>
    public static string? Shared(string name) =>
        Above(folder => Path.Combine(folder, "shared", name) is var candidate && Directory.Exists(candidate) ? candidate : null);

    private static string? Above(Func<string, string?> probe)
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (probe(folder.FullName) is { } found)
            {
                return found;
            }
        }

        return null;
    }
}
