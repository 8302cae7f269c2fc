using Uplink.Core.Configuration;
using Uplink.Plugins.Abstractions.Setup;

namespace Uplink.Host.Commands.Setup;

/// <summary>
/// The installer wizard behind a bare <c>uplink setup</c> on a terminal: folders, then the expert
/// setting on a screen of its own, then a confirmation. Returns null when the installer cancels.
/// </summary>
/// <param name="terminal">The keyboard and screen.</param>
/// <param name="output">Where screens are written.</param>
internal sealed class SetupWizard(SetupTerminal terminal, TextWriter output)
{
    /// <summary>Asks for every setting.</summary>
    /// <param name="catalog">The expert codes.</param>
    /// <param name="configPath">The proposed configuration file.</param>
    /// <returns>The choice, or null when cancelled.</returns>
    public SetupChoice? Ask(ExpertCodeCatalog catalog, string configPath)
    {
        Screen("1 of 3: where Uplink keeps its data");
        output.WriteLine("The data folder holds the configuration, the site secrets, the trust store, the queue and the logs.");
        var dataDirectory = Prompt("Data folder", Path.GetDirectoryName(Path.GetFullPath(configPath))!);
        if (dataDirectory is null)
        {
            return null;
        }

        Screen("2 of 3: expert setting");
        output.WriteLine("The expert code decides the anonymization profile and which inputs and outputs run.");
        foreach (var code in catalog.Codes)
        {
            output.WriteLine($"  {code.Code,-14} {code.Description}");
        }

        output.WriteLine();
        ExpertCode? chosen = null;
        while (chosen is null)
        {
            var answer = Prompt("Expert code", catalog.DefaultCode);
            if (answer is null)
            {
                return null;
            }

            chosen = catalog.Find(answer);
            if (chosen is null)
            {
                output.WriteLine($"'{answer}' is not an expert code. Valid codes: {string.Join(", ", catalog.Codes.Select(c => c.Code))}");
            }
        }

        Screen("3 of 3: confirm");
        var config = Path.Combine(Path.GetFullPath(dataDirectory), Path.GetFileName(configPath));
        output.WriteLine($"Expert code    {chosen.Code}: {chosen.Description}");
        output.WriteLine($"Data folder    {Path.GetFullPath(dataDirectory)}");
        output.WriteLine($"Configuration  {config}");
        var confirm = Prompt("Write this configuration? (yes/no)", "yes");
        return confirm is not null && confirm.StartsWith('y')
            ? new SetupChoice(chosen, config, Path.GetFullPath(dataDirectory), null)
            : null;
    }

    /// <summary>Asks for one plugin setting after the configuration is written; a secret is read without showing it.</summary>
    /// <param name="pluginId">The plugin that asks.</param>
    /// <param name="setting">What it asks for.</param>
    /// <param name="current">The configured value when it is not a secret, "(set)" for a configured secret, or null.</param>
    /// <returns>The answer, or null to keep the configured value (or skip, or generate).</returns>
    public string? AskSetting(string pluginId, SetupSetting setting, string? current)
    {
        var keep = current is not null ? current
            : setting.IsGenerated ? "generate one"
            : setting.IsRequired ? "none" : "skip";
        output.Write($"{pluginId}: {setting.Prompt}{(setting.IsSealed ? " (not shown)" : string.Empty)} [{keep}]: ");
        var line = setting.IsSealed ? terminal.ReadSecret() : terminal.Input.ReadLine();
        return string.IsNullOrWhiteSpace(line) ? null : line.Trim();
    }

    private void Screen(string title)
    {
        terminal.Clear();
        output.WriteLine($"Uplink setup, {title}");
        output.WriteLine(new string('=', 14 + title.Length));
        output.WriteLine();
    }

    private string? Prompt(string question, string proposal)
    {
        output.Write($"{question} [{proposal}]: ");
        var line = terminal.Input.ReadLine();
        return line is null ? null : line.Trim().Length == 0 ? proposal : line.Trim();
    }
}
