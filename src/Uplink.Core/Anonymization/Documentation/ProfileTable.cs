using System.Globalization;
using System.Text;
using Uplink.Dicom;
using Uplink.Plugins.Abstractions.Profiles;

namespace Uplink.Core.Anonymization.Documentation;

/// <summary>
/// "All the removed and anonymized data" of a profile, as Markdown, generated from the rules the profile
/// declares: printed by <c>uplink profile show</c> and checked in as <c>docs/profiles/NAME.md</c>.
/// </summary>
public static class ProfileTable
{
    private static readonly TagAction[] Order =
    [
        TagAction.Replace, TagAction.Empty, TagAction.DateToDecade, TagAction.DateToYear, TagAction.TimeToZero,
        TagAction.RemapUid, TagAction.Set, TagAction.Remove, TagAction.Clean, TagAction.Keep,
    ];

    /// <summary>Renders the table.</summary>
    /// <param name="descriptor">The profile.</param>
    /// <returns>Markdown text, lines ending in <c>\n</c>.</returns>
    public static string Render(ProfileDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"# {descriptor.Id} {descriptor.Version}\n\n{descriptor.Description}\n\n");
        text.Append(CultureInfo.InvariantCulture, $"- Non-DICOM content: {(descriptor.NonDicom == NonDicomHandling.Discard ? "discarded, never sent" : "kept, and marked to be sent password protected")}.\n");
        var rules = descriptor.Rules;
        if (rules is null)
        {
            text.Append("- The profile declares no rules: Uplink holds its output to the identity-leak scan only.\n");
            return text.ToString();
        }

        text.Append(CultureInfo.InvariantCulture, $"- Identity: {(rules.RemovesIdentity ? "removed; Uplink scans every output for the source's names, IDs, dates, UIDs, addresses and institution and sets the instance aside on a match" : "not removed by this profile")}.\n");
        text.Append(CultureInfo.InvariantCulture, $"- Attributes not listed below: {Default(rules.UnlistedTags)}.\n");
        text.Append(CultureInfo.InvariantCulture, $"- Private attributes: {Default(rules.PrivateTags)}.\n");
        foreach (var note in rules.Notes)
        {
            text.Append(CultureInfo.InvariantCulture, $"- {note}.\n");
        }

        text.Append("\n## SOP classes\n\n| SOP class | SOP Class UIDs | Handling |\n| --- | --- | --- |\n");
        foreach (var sopClass in rules.SopClasses)
        {
            text.Append(CultureInfo.InvariantCulture, $"| {sopClass.Name} | {string.Join("<br>", sopClass.SopClassUids)} | {Handling(sopClass)} |\n");
        }

        if (!rules.SopClasses.Any(s => s.SopClassUids.Contains("*")))
        {
            text.Append("| any other class | | set aside, never sent |\n");
        }

        AppendRules(text, "Removed and anonymized data (every SOP class)", rules.Tags);
        foreach (var sopClass in rules.SopClasses.Where(s => s.Tags.Count > 0))
        {
            AppendRules(text, $"{sopClass.Name}: its own rules", sopClass.Tags);
        }

        return text.ToString();
    }

    private static void AppendRules(StringBuilder text, string title, IReadOnlyList<TagRule> rules)
    {
        if (rules.Count == 0)
        {
            return;
        }

        text.Append(CultureInfo.InvariantCulture, $"\n## {title}\n\n| Attribute | Tag | What happens | Note |\n| --- | --- | --- | --- |\n");
        foreach (var rule in rules.DistinctBy(r => (r.Tag, r.Mask)).OrderBy(r => Array.IndexOf(Order, r.Action)).ThenBy(r => r.Tag))
        {
            var note = rule.Required ? string.Join("; ", new[] { "always present (added empty when the source lacks it)", rule.Note }.OfType<string>()) : rule.Note;
            text.Append(CultureInfo.InvariantCulture, $"| {Name(rule)} | {Tag(rule)} | {Describe(rule)} | {note} |\n");
        }
    }

    private static string Handling(SopClassRules sopClass) =>
        sopClass.DiscardReason is { } reason ? $"discarded, never sent: {reason}"
        : string.Concat(
            "anonymized",
            sopClass switch
            {
                { CleansPixels: true } => "; pixels cleaned: everything outside the image area (the Sequence of Ultrasound Regions, else a device rule in image-areas/) is blanked to black, losslessly (JPEG Baseline is edited in the coefficient domain, never re-compressed), and Burned In Annotation becomes NO; "
                    + "held back (set aside, never sent) when no image area is known or the encoding cannot be cleaned faithfully (JPEG Lossless, JPEG-LS, JPEG 2000, 12-bit or progressive JPEG, MPEG/HEVC); the verifier decodes every frame of the output to prove it",
                { HoldsBackBurnedInAnnotation: true } => "; held back (set aside, never sent) unless Burned In Annotation is NO: pixels are not cleaned",
                _ => "; sent with any burned-in annotation as it is: pixels are not cleaned, and Burned In Annotation is never set to NO",
            },
            sopClass.CleansStructuredContent ? "; SR content cleaned: person names, text, dates and times removed, coded and numeric items kept" : string.Empty);

    private static string Default(TagAction action) => action switch
    {
        TagAction.Remove => "removed at every depth",
        TagAction.Keep => "kept as they are",
        _ => Describe(new TagRule(default, action)),
    };

    private static string Describe(TagRule rule) => rule.Action switch
    {
        TagAction.Keep => "kept",
        TagAction.Remove => "removed",
        TagAction.Empty => "emptied",
        TagAction.Replace => $"replaced by `{rule.Value}`",
        TagAction.Set => rule.Value is null ? "stamped by the profile" : $"set to `{rule.Value}`",
        TagAction.RemapUid => "new `2.25.` UID from the site key (well-known DICOM UIDs kept)",
        TagAction.DateToYear => "kept to 1 January of its year",
        TagAction.DateToDecade => "kept to 1 January of its decade",
        TagAction.TimeToZero => "`000000.00`",
        TagAction.Clean => "kept when it holds no identifying value; otherwise the instance is set aside",
        _ => rule.Action.ToString(),
    };

    private static string Name(TagRule rule) =>
        DicomDictionary.Lookup(rule.Tag) is { } entry ? entry.Name : rule.Tag.IsPrivate ? "private" : "unknown";

    private static string Tag(TagRule rule)
    {
        var hex = rule.Tag.Value.ToString("X8", CultureInfo.InvariantCulture).ToCharArray();
        for (var i = 0; i < 8; i++)
        {
            if (((rule.Mask >> ((7 - i) * 4)) & 0xF) == 0)
            {
                hex[i] = 'x';
            }
        }

        return $"({new string(hex, 0, 4)},{new string(hex, 4, 4)})";
    }
}
