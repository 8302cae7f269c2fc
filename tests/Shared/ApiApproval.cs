namespace Uplink.Tests.Shared;

/// <summary>
/// Compares a generated public API text with the approved file beside the test. A change fails with a diff and
/// writes <c>*.received.txt</c> beside the approved file; copy it over the approved one to accept the change
/// deliberately (and within a major version, only add members).
/// </summary>
internal static class ApiApproval
{
    /// <summary>Fails the test when <paramref name="generated"/> differs from the approved file.</summary>
    /// <param name="assemblyName">The assembly, for the file names and the failure.</param>
    /// <param name="generated">The public API as PublicApiGenerator wrote it.</param>
    /// <param name="folder">The folder of the approved file (the test's source folder).</param>
    public static void Verify(string assemblyName, string generated, string folder)
    {
        var received = Normalize(generated);
        var approvedPath = Path.Combine(folder, $"{assemblyName}.approved.txt");
        var receivedPath = Path.Combine(folder, $"{assemblyName}.received.txt");
        var approved = File.Exists(approvedPath) ? Normalize(File.ReadAllText(approvedPath)) : string.Empty;

        if (received == approved)
        {
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, received);
        Assert.Fail($"The public API of {assemblyName} changed (received: {receivedPath}):\n{Diff(approved, received)}");
    }

    private static string Diff(string approved, string received)
    {
        var before = approved.Split('\n');
        var after = received.Split('\n');
        var removed = before.Except(after).Select(l => $"- {l}");
        var added = after.Except(before).Select(l => $"+ {l}");
        return string.Join('\n', removed.Concat(added));
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim() + "\n";
}
