using System.Runtime.CompilerServices;
using PublicApiGenerator;
using Uplink.Plugins.Abstractions;
using Uplink.Tests.Shared;

namespace Uplink.Plugins.Abstractions.Tests.PublicApi;

/// <summary>Pins the public API plugins compile against (see <see cref="ApiApproval"/> for how to accept a change).</summary>
public sealed class PublicApiApprovalTests
{
    [Fact]
    public void ThePublicApi_MatchesTheApprovedFile() =>
        ApiApproval.Verify("Uplink.Plugins.Abstractions", typeof(IUplinkPlugin).Assembly.GeneratePublicApi(new ApiGeneratorOptions
        {
            ExcludeAttributes = ["System.Runtime.Versioning.TargetFrameworkAttribute", "System.Reflection.AssemblyMetadataAttribute"],
        }), SourceFolder());

    [Fact]
    public void TheAssemblyVersion_IsFrozenAtTheMajorVersion()
    {
        var version = typeof(IUplinkPlugin).Assembly.GetName().Version!;

        Assert.Equal(new Version(ContractsVersion.Major, 0, 0, 0), version);
    }

    private static string SourceFolder([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
