using Uplink.Core.Anonymization.Documentation;
using Uplink.Plugins.Tests.Profiles.Support;
using Uplink.Profiles.Builtin;

namespace Uplink.Plugins.Tests.Profiles;

/// <summary>docs/profiles/NAME.md is the table <c>uplink profile show NAME</c> prints; set UPLINK_WRITE_DOCS=1 to regenerate.</summary>
public sealed class ProfileDocsTests
{
    public static TheoryData<string> BaseProfiles() =>
        [.. BuiltinProfiles.Definitions.Select(d => d.Descriptor.Id).Where(id => !id.Contains('+', StringComparison.Ordinal))];

    [Theory]
    [MemberData(nameof(BaseProfiles))]
    public void The_checked_in_table_matches_the_profile(string id)
    {
        var expected = ProfileTable.Render(ProfileHarness.Profile(id).Descriptor);
        var path = Path.Combine(Uplink.Tests.Shared.RepositoryLayout.Root(), "docs", "profiles", id + ".md");
        if (Environment.GetEnvironmentVariable("UPLINK_WRITE_DOCS") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, expected);
        }

        Assert.True(File.Exists(path), $"{path} is missing: run the tests with UPLINK_WRITE_DOCS=1");
        Assert.Equal(expected, File.ReadAllText(path));
    }

    [Fact]
    public void The_strict_table_lists_what_is_removed_replaced_and_kept()
    {
        var table = ProfileTable.Render(ProfileHarness.Profile("Anon-LPU-O").Descriptor);

        Assert.Contains("| Patient's Name | (0010,0010) | replaced by `ANONYMOUS` |", table, StringComparison.Ordinal);
        Assert.Contains("| Patient's Birth Date | (0010,0030) | kept to 1 January of its decade |", table, StringComparison.Ordinal);
        Assert.Contains("| Sequence of Ultrasound Regions | (0018,6011) | kept |", table, StringComparison.Ordinal);
        Assert.Contains("| Institution Name | (0008,0080) | removed |", table, StringComparison.Ordinal);
        Assert.Contains("| Overlay Data | (60xx,3000) | removed |", table, StringComparison.Ordinal);
        Assert.Contains("pixels cleaned: everything outside the image area", table, StringComparison.Ordinal);
        Assert.Contains("held back (set aside, never sent) when no image area is known or the encoding cannot be cleaned faithfully", table, StringComparison.Ordinal);
        Assert.Contains("- Private attributes: removed at every depth.", table, StringComparison.Ordinal);
    }
}
