namespace Uplink.Core.Anonymization.Pixels;

/// <summary>
/// The device rules in force: the files shipped in <c>profiles/image-areas/</c> beside the binary, then the admin's
/// own in the data folder's <c>image-areas/</c> (which win, so a site can correct a shipped rule). Every file is
/// validated when loaded: one bad file stops the load with its name and the rule at fault.
/// </summary>
internal sealed class ImageAreaRules
{
    private readonly IReadOnlyList<ImageAreaRule> _rules;

    /// <summary>Creates the set from rules already read; later rules win over earlier ones.</summary>
    /// <param name="rules">The rules, shipped first.</param>
    public ImageAreaRules(IEnumerable<ImageAreaRule> rules) => _rules = [.. rules.Reverse()];

    /// <summary>The shipped folder: <c>profiles/image-areas</c> beside the binary.</summary>
    public static string ShippedFolder => Path.Combine(AppContext.BaseDirectory, "profiles", "image-areas");

    /// <summary>The admin's folder: <c>image-areas</c> in the data folder.</summary>
    /// <param name="dataDirectory">The site's data folder.</param>
    /// <returns>The folder's path.</returns>
    public static string SiteFolder(string dataDirectory) => Path.Combine(dataDirectory, "image-areas");

    /// <summary>No rules at all.</summary>
    public static ImageAreaRules None { get; } = new([]);

    /// <summary>Every rule, the winning ones first.</summary>
    public IReadOnlyList<ImageAreaRule> All => _rules;

    /// <summary>Reads every <c>*.json</c> of the folders that exist, in order, files in name order.</summary>
    /// <param name="folders">The folders; missing ones are skipped.</param>
    /// <returns>The rules.</returns>
    /// <exception cref="InvalidDataException">A file is invalid; the message names it and the rule.</exception>
    public static ImageAreaRules Load(params IEnumerable<string?> folders)
    {
        var rules = new List<ImageAreaRule>();
        foreach (var folder in folders.OfType<string>().Where(Directory.Exists))
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
            {
                rules.AddRange(ImageAreaRuleReader.Read(File.ReadAllText(file), Path.GetFileName(file)));
            }
        }

        return new ImageAreaRules(rules);
    }

    /// <summary>The rule for an image, or null.</summary>
    /// <param name="manufacturer">Manufacturer (0008,0070).</param>
    /// <param name="model">Manufacturer's Model Name (0008,1090).</param>
    /// <param name="rows">Rows.</param>
    /// <param name="columns">Columns.</param>
    /// <param name="sopClassUid">SOP Class UID.</param>
    /// <returns>The winning rule that matches.</returns>
    public ImageAreaRule? Find(string manufacturer, string model, int rows, int columns, string? sopClassUid) =>
        _rules.FirstOrDefault(r => r.Matches(manufacturer, model, rows, columns, sopClassUid));
}
