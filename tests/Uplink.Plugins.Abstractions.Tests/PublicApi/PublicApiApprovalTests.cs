using System.Runtime.CompilerServices;
using PublicApiGenerator;
using Uplink.Plugins.Abstractions;

namespace Uplink.Plugins.Abstractions.Tests.PublicApi;

/// <summary>
/// Pins the public API plugins compile against. A change fails this test with a diff and writes
/// <c>*.received.txt</c> beside the approved file; copy it over the approved one to accept the change
/// deliberately (and within a major version, only add members).
/// </summary>
public sealed class PublicApiApprovalTests
{
    [Fact]
    public void ThePublicApi_MatchesTheApprovedFile()
    {
        var received = Normalize(typeof(IUplinkPlugin).Assembly.GeneratePublicApi(new ApiGeneratorOptions
        {
            ExcludeAttributes = ["System.Runtime.Versioning.TargetFrameworkAttribute", "System.Reflection.AssemblyMetadataAttribute"],
        }));
        var approvedPath = Path.Combine(SourceFolder(), "Uplink.Plugins.Abstractions.approved.txt");
        var receivedPath = Path.ChangeExtension(approvedPath, null).Replace(".approved", ".received", StringComparison.Ordinal) + ".txt";
        var approved = File.Exists(approvedPath) ? Normalize(File.ReadAllText(approvedPath)) : string.Empty;

        if (received == approved)
        {
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, received);
        Assert.Fail($"The public API of Uplink.Plugins.Abstractions changed (received: {receivedPath}):\n{Diff(approved, received)}");
    }

    [Fact]
    public void TheAssemblyVersion_IsFrozenAtTheMajorVersion()
    {
        var version = typeof(IUplinkPlugin).Assembly.GetName().Version!;

        Assert.Equal(new Version(ContractsVersion.Major, 0, 0, 0), version);
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

    private static string SourceFolder([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
