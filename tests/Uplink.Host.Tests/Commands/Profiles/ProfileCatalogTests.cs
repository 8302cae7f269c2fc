using System.Text.Json.Nodes;
using Uplink.Host.Commands;
using Uplink.Host.Commands.Anonymize;
using Uplink.Host.Commands.Plugins;
using Uplink.Host.Commands.Profiles;
using Uplink.Host.Tests.Commands.Anonymize;
using Uplink.Host.Tests.Plugins;

namespace Uplink.Host.Tests.Commands.Profiles;

/// <summary>The profile verbs load profile plugins through the plugin host's trust checks, like <c>uplink run</c>.</summary>
public sealed class ProfileCatalogTests : IDisposable
{
    private const string Builtin = "Uplink.Profiles.Builtin";
    private readonly PluginSandbox _sandbox = new();
    private readonly AnonymizeFixtures _fixtures = new();
    private readonly StringWriter _out = new();
    private readonly StringWriter _error = new();

    public void Dispose()
    {
        _sandbox.Dispose();
        _fixtures.Dispose();
    }

    [Fact]
    public async Task Profiles_refuses_an_untrusted_copy_and_one_changed_after_approval_naming_each_and_still_lists_the_bundled_profiles()
    {
        _sandbox.AddPluginCopy(BuiltinFolder(), Builtin);
        CopyWithId("Site.Profiles.Unapproved");
        var changed = CopyWithId("Site.Profiles.Changed");
        var config = WriteConfig();
        var console = new ConsoleOutput(_out, _error);
        Assert.Equal(ExitCodes.Success, await new PluginsTrustCommand(console, TimeProvider.System).RunAsync(["Site.Profiles.Changed", "--config", config], TestContext.Current.CancellationToken));
        await File.AppendAllTextAsync(Path.Combine(changed, Builtin + ".deps.json"), " ", TestContext.Current.CancellationToken);
        _out.GetStringBuilder().Clear();

        var exit = await new ProfilesCommand(new ProfileCatalog(PluginSandbox.BundledListFolder, TimeProvider.System), console)
            .RunAsync(["--config", config], TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.Success, exit);
        var lines = _out.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines, l => l.StartsWith("Anon-LPU-O ", StringComparison.Ordinal));
        var refusals = _error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, refusals.Length);
        Assert.StartsWith("uplink: plugin Site.Profiles.Changed refused (Tampered): file 'Uplink.Profiles.Builtin.deps.json' changed", Assert.Single(refusals, l => l.Contains("Site.Profiles.Changed", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.StartsWith("uplink: plugin Site.Profiles.Unapproved refused (Untrusted): neither bundled with Uplink nor approved", Assert.Single(refusals, l => l.Contains("Site.Profiles.Unapproved", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymize_refuses_a_bundled_profile_plugin_whose_assembly_changed_and_writes_nothing()
    {
        var folder = _sandbox.AddPluginCopy(BuiltinFolder(), Builtin);
        await File.AppendAllBytesAsync(Path.Combine(folder, Builtin + ".dll"), [0], TestContext.Current.CancellationToken);
        var source = _fixtures.Ultrasound("series1/image.dcm");

        var exit = await new AnonymizeCommand(new ProfileCatalog(PluginSandbox.BundledListFolder, TimeProvider.System), TimeProvider.System, new ConsoleOutput(_out, _error))
            .RunAsync(["--profile", "Anon-LPU-O", "--out", _fixtures.Output, "--plugins", _sandbox.PluginsDirectory, source], TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("uplink: plugin Uplink.Profiles.Builtin refused (Tampered): file 'Uplink.Profiles.Builtin.dll' changed", _error.ToString(), StringComparison.Ordinal);
        Assert.Contains("no profile 'Anon-LPU-O'. Profiles: none", _error.ToString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(_fixtures.Output));
    }

    [Fact]
    public async Task Anonymize_with_the_bundled_profile_plugin_untouched_trusts_it_by_its_bundled_list()
    {
        _sandbox.AddPluginCopy(BuiltinFolder(), Builtin);
        var source = _fixtures.Ultrasound("series1/image.dcm");

        var exit = await new AnonymizeCommand(new ProfileCatalog(PluginSandbox.BundledListFolder, TimeProvider.System), TimeProvider.System, new ConsoleOutput(_out, _error))
            .RunAsync(["--profile", "Anon-LPU-O", "--out", _fixtures.Output, "--plugins", _sandbox.PluginsDirectory, source], TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.Success, exit);
        Assert.DoesNotContain("refused", _error.ToString(), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_fixtures.Output, "image.dcm")));
    }

    private static string BuiltinFolder() => Path.Combine(AnonymizeFixtures.PluginsFolder(), Builtin);

    private string CopyWithId(string id)
    {
        var folder = _sandbox.AddPluginCopy(BuiltinFolder(), id);
        var manifest = Path.Combine(folder, "plugin.json");
        var json = JsonNode.Parse(File.ReadAllText(manifest))!;
        json["id"] = id;
        File.WriteAllText(manifest, json.ToJsonString());
        return folder;
    }

    private string WriteConfig()
    {
        var path = Path.Combine(_sandbox.Root, "uplink.json");
        File.WriteAllText(path, """
            { "Uplink": { "ExpertCode": "TEST", "Profile": "none", "ProfilePlugin": "", "Inputs": [], "Outputs": [],
                          "PluginsDirectory": "plugins", "DataDirectory": "data" } }
            """);
        return path;
    }
}
