namespace Uplink.Plugins.Tests.Profiles.Support;

/// <summary>Finds the repository (the folder holding Uplink.Plugins.sln) and the shared folder beside it.</summary>
internal static class RepositoryRoot
{
    public static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Uplink.Plugins.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No Uplink.Plugins.sln above {AppContext.BaseDirectory}.");
    }

    /// <summary>A folder under <c>shared/</c> found by walking up from the tests, or null.</summary>
    public static string? Shared(string name)
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "shared", name);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return Directory.Exists(Path.Combine("/work/shared", name)) ? Path.Combine("/work/shared", name) : null;
    }

    public static string? SharedStandardFile(string file) =>
        Shared("dicom-standard") is { } folder && File.Exists(Path.Combine(folder, file)) ? Path.Combine(folder, file) : null;
}
