using System.Runtime.CompilerServices;
using PublicApiGenerator;
using Uplink.Core.Plugins;
using Uplink.Tests.Shared;

namespace Uplink.Core.Tests.PublicApi;

/// <summary>
/// Pins the public API of Uplink.Core: the seam the host (<c>uplink</c>) compiles against, with no
/// InternalsVisibleTo to it. A change here is a deliberate change of that seam (see <see cref="ApiApproval"/>
/// for how to accept one).
/// </summary>
public sealed class PublicApiApprovalTests
{
    [Fact]
    public void The_public_api_matches_the_approved_file() =>
        ApiApproval.Verify("Uplink.Core", typeof(PluginSystem).Assembly.GeneratePublicApi(new ApiGeneratorOptions
        {
            ExcludeAttributes =
            [
                "System.Runtime.Versioning.TargetFrameworkAttribute",
                "System.Reflection.AssemblyMetadataAttribute",
                "System.Runtime.CompilerServices.InternalsVisibleToAttribute",
            ],
        }), SourceFolder());

    [Fact]
    public void No_internals_are_visible_to_the_host()
    {
        var friends = typeof(PluginSystem).Assembly.GetCustomAttributes(typeof(InternalsVisibleToAttribute), inherit: false)
            .Cast<InternalsVisibleToAttribute>()
            .Select(a => a.AssemblyName);

        Assert.DoesNotContain(friends, name => name is "uplink" or "Uplink.Host");
    }

    private static string SourceFolder([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
