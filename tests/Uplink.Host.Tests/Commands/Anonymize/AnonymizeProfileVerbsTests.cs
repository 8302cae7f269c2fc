using Uplink.Host.Commands;
using Uplink.Host.Commands.Anonymize;
using Uplink.Host.Commands.Profiles;

namespace Uplink.Host.Tests.Commands.Anonymize;

/// <summary><c>uplink profiles</c> and <c>uplink profile show</c>, the verbs that say what anonymize will do.</summary>
public sealed class AnonymizeProfileVerbsTests
{
    private readonly StringWriter _out = new();
    private readonly StringWriter _error = new();

    [Fact]
    public async Task Profiles_lists_every_built_in_profile_with_its_version()
    {
        var exit = await new ProfilesCommand(AnonymizeFixtures.Catalog(), new ConsoleOutput(_out, _error))
            .RunAsync(["--plugins", AnonymizeFixtures.PluginsFolder()], TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.Success, exit);
        var lines = _out.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.StartsWith("Anon-LPU-O ", StringComparison.Ordinal) && l.Contains("1.0.0", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Standard ", StringComparison.Ordinal) && l.Contains("KeepPasswordProtected", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("PS3.15-Basic+RetainDeviceIdentity ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Profile_show_prints_the_checked_in_table()
    {
        var exit = await new ProfileShowCommand(AnonymizeFixtures.Catalog(), new ConsoleOutput(_out, _error))
            .RunAsync(["Anon-LPU-O", "--plugins", AnonymizeFixtures.PluginsFolder()], TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.Success, exit);
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(Uplink.Tests.Shared.RepositoryLayout.Root(), "docs", "profiles", "Anon-LPU-O.md"), TestContext.Current.CancellationToken), _out.ToString());
    }

    [Fact]
    public async Task Profile_show_without_a_name_is_a_usage_error()
    {
        var console = new ConsoleOutput(_out, _error);
        var exit = await new ProfileShowCommand(new ProfileCatalog(TimeProvider.System), console).RunAsync([], TestContext.Current.CancellationToken, console);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("Usage: uplink profile show NAME", _error.ToString(), StringComparison.Ordinal);
    }
}
