using System.Runtime.CompilerServices;
using PublicApiGenerator;
using Uplink.Tests.Shared;

namespace Uplink.Dicom.Tests.PublicApi;

/// <summary>
/// Pins the public API of Uplink.Dicom: plugins compile against it beside Uplink.Plugins.Abstractions, so it is
/// contract too (see <see cref="ApiApproval"/> for how to accept a change).
/// </summary>
public sealed class PublicApiApprovalTests
{
    [Fact]
    public void The_public_api_matches_the_approved_file() =>
        ApiApproval.Verify("Uplink.Dicom", typeof(DicomFile).Assembly.GeneratePublicApi(new ApiGeneratorOptions
        {
            ExcludeAttributes =
            [
                "System.Runtime.Versioning.TargetFrameworkAttribute",
                "System.Reflection.AssemblyMetadataAttribute",
                "System.Runtime.CompilerServices.InternalsVisibleToAttribute",
            ],
        }), SourceFolder());

    [Fact]
    public void The_assembly_version_is_frozen_at_the_major_version()
    {
        var version = typeof(DicomFile).Assembly.GetName().Version!;

        Assert.Equal(new Version(1, 0, 0, 0), version);
    }

    private static string SourceFolder([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
