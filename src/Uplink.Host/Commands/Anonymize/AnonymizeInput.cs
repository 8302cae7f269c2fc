namespace Uplink.Host.Commands.Anonymize;

/// <summary>One file to anonymize and where its output goes, relative to the output folder.</summary>
/// <param name="SourcePath">The input file.</param>
/// <param name="RelativePath">The same relative path the input had under the folder it was given in (or its name).</param>
internal sealed record AnonymizeInput(string SourcePath, string RelativePath)
{
    /// <summary>Expands the inputs: files as given, folders recursively, in a stable order; a missing input is reported.</summary>
    /// <param name="inputs">Files or folders.</param>
    /// <param name="missing">Inputs that do not exist.</param>
    /// <returns>The files, each with a unique relative path.</returns>
    public static IReadOnlyList<AnonymizeInput> Expand(IReadOnlyList<string> inputs, out IReadOnlyList<string> missing)
    {
        var files = new List<AnonymizeInput>();
        var absent = new List<string>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var input in inputs)
        {
            var full = Path.GetFullPath(input);
            IEnumerable<(string Path, string Relative)> found = Directory.Exists(full)
                ? Directory.EnumerateFiles(full, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(f => (f, Path.GetRelativePath(full, f)))
                : File.Exists(full) ? [(full, Path.GetFileName(full))] : [];
            var any = false;
            foreach (var (path, relative) in found)
            {
                any = true;
                var unique = relative;
                for (var n = 2; !used.Add(unique); n++)
                {
                    unique = $"{relative}.{n}";
                }

                files.Add(new AnonymizeInput(path, unique));
            }

            if (!any && !Directory.Exists(full))
            {
                absent.Add(input);
            }
        }

        missing = absent;
        return files;
    }
}
