using System.CommandLine;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Uplink.Host.Commands;

namespace Uplink.Host.Tests.Commands;

public sealed partial class UplinkCommandLineTests : IDisposable
{
    private readonly StringWriter _out = new();
    private readonly StringWriter _error = new();
    private readonly ServiceProvider _services;

    public UplinkCommandLineTests()
    {
        _services = new ServiceCollection().AddUplinkCommandLine(new ConsoleOutput(_out, _error)).BuildServiceProvider();
    }

    public static TheoryData<string> Verbs() => [.. new ServiceCollection()
        .AddUplinkCommandLine(new ConsoleOutput(TextWriter.Null, TextWriter.Null))
        .BuildServiceProvider()
        .GetServices<ICommand>()
        .Select(c => c.Name)];

    public void Dispose()
    {
        _services.Dispose();
        _out.Dispose();
        _error.Dispose();
    }

    [Theory]
    [MemberData(nameof(Verbs))]
    public async Task Help_of_every_verb_explains_its_usage_each_option_and_its_exit_codes(string name)
    {
        var verb = _services.GetServices<ICommand>().Single(c => c.Name == name);

        var code = await Invoke([.. name.Split(' '), "--help"]);

        Assert.Equal(ExitCodes.Success, code);
        var help = _out.ToString();
        Assert.Contains($"{_services.GetRequiredService<UplinkCommandLine>().Root.Name} {name}", help, StringComparison.Ordinal);
        Assert.Contains(verb.Summary, help, StringComparison.Ordinal);
        Assert.Contains($"1  {verb.Failure}", help, StringComparison.Ordinal);
        Assert.Contains("2  the command line is wrong", help, StringComparison.Ordinal);
        foreach (var symbol in verb.Symbols)
        {
            Assert.False(string.IsNullOrWhiteSpace(symbol.Description), $"{name}: {symbol.Name} has no description");
            Assert.Contains(symbol.Description!, help, StringComparison.Ordinal);
        }

        Assert.Empty(_error.ToString());
    }

    [Fact]
    public async Task The_readme_command_table_names_every_verb_of_the_help_and_no_other_with_options_they_accept()
    {
        var readme = await File.ReadAllTextAsync(Path.Combine(Uplink.Tests.Shared.RepositoryLayout.Root(), "README.md"), TestContext.Current.CancellationToken);
        var table = readme[readme.IndexOf("| command | what it does |", StringComparison.Ordinal)..];
        table = table[..table.IndexOf("\n\n", StringComparison.Ordinal)];
        var commandLine = _services.GetRequiredService<UplinkCommandLine>();
        var verbs = Leaves(commandLine.Root, string.Empty).ToDictionary(c => c.Verb, c => c.Command, StringComparer.Ordinal);
        var documented = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (Match usage in TableUsage().Matches(table))
        {
            // The verb is the longest run of words that names one (`uplink completion bash`: verb and argument).
            var words = usage.Groups["words"].Value.Split(' ');
            var verb = Enumerable.Range(1, words.Length).Select(n => string.Join(' ', words[..n])).LastOrDefault(verbs.ContainsKey) ?? words[0];
            var options = documented.TryGetValue(verb, out var known) ? known : documented[verb] = [];
            options.UnionWith(OptionName().Matches(usage.Groups["rest"].Value).Select(m => m.Value));
        }

        Assert.Equal(verbs.Keys.Order(StringComparer.Ordinal), documented.Keys.Order(StringComparer.Ordinal));
        foreach (var (verb, options) in documented)
        {
            var accepted = verbs[verb].Options.Select(o => o.Name).ToHashSet(StringComparer.Ordinal);
            Assert.All(options, o => Assert.True(accepted.Contains(o), $"README: 'uplink {verb}' has no option {o}"));
        }
    }

    [Fact]
    public async Task No_arguments_prints_the_list_of_verbs_and_is_a_usage_error()
    {
        var code = await Invoke([]);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("anonymize", _out.ToString(), StringComparison.Ordinal);
        Assert.Contains("Exit codes:", _out.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_verb_is_named_and_is_a_usage_error()
    {
        var code = await Invoke(["frobnicate"]);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("'frobnicate'", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_verb_group_without_its_verb_lists_the_verbs_it_has()
    {
        var code = await Invoke(["tricefy"]);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("Usage: uplink tricefy <simulate>", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_argument_starting_with_an_at_sign_is_a_file_name_not_a_response_file()
    {
        var code = await Invoke(["inspect", "@missing-file.dcm"]);

        Assert.Equal(ExitCodes.Failed, code);
        Assert.Contains("@missing-file.dcm: ", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Version_prints_the_assembly_version()
    {
        var code = await Invoke(["--version"]);

        Assert.Equal(ExitCodes.Success, code);
        Assert.Matches(@"^uplink \d+\.\d+\.\d+", _out.ToString());
    }

    [Fact]
    public async Task The_suggest_directive_completes_verbs_and_options()
    {
        Assert.Equal(ExitCodes.Success, await Invoke(["[suggest:18]", "uplink plugins tr"]));
        Assert.Contains("trust", _out.ToString().Split('\n'), StringComparer.Ordinal);

        _out.GetStringBuilder().Clear();
        Assert.Equal(ExitCodes.Success, await Invoke(["[suggest:21]", "uplink anonymize --pr"]));
        Assert.Contains("--profile", _out.ToString().Split('\n'), StringComparer.Ordinal);
    }

    [Fact]
    public async Task Completion_bash_prints_a_script_that_asks_uplink_through_the_suggest_directive()
    {
        var code = await Invoke(["completion", "bash"]);

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("[suggest:${COMP_POINT}]", _out.ToString(), StringComparison.Ordinal);
        Assert.Contains("complete -o default -F _uplink_complete uplink", _out.ToString(), StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, await Invoke(["completion", "tcsh"]));
    }

    private static IEnumerable<(string Verb, Command Command)> Leaves(Command command, string prefix)
    {
        foreach (var sub in command.Subcommands)
        {
            var verb = (prefix + " " + sub.Name).Trim();
            if (sub.Action is not null)
            {
                yield return (verb, sub);
            }

            foreach (var leaf in Leaves(sub, verb))
            {
                yield return leaf;
            }
        }
    }

    [GeneratedRegex(@"`uplink (?<words>[a-z]+(?: [a-z]+)*)(?<rest>[^`]*)`")]
    private static partial Regex TableUsage();

    [GeneratedRegex(@"--[a-z][a-z-]*")]
    private static partial Regex OptionName();

    private Task<int> Invoke(string[] args) =>
        _services.GetRequiredService<UplinkCommandLine>().InvokeAsync(args, TestContext.Current.CancellationToken);
}
