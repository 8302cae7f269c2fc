using Uplink.Plugins.Abstractions.Profiles;
using Uplink.Profiles.Builtin.Engine;

namespace Uplink.Profiles.Builtin.Documents;

/// <summary>Builds a <see cref="ProfileDefinition"/> from a profile document and a choice of its options.</summary>
internal sealed class RuleDocumentReader(ProfileDocument document, string source)
{
    public ProfileDefinition Build(IReadOnlyList<(string Name, OptionDocument Option)> options)
    {
        var id = Require(document.Id, "id") + string.Concat(options.Select(o => "+" + o.Name));
        var common = ReadRules(document.Rules ?? [], "rules").ToList();
        foreach (var (name, option) in options)
        {
            Override(common, ReadRules(option.Rules ?? [], $"options.{name}.rules"));
        }

        var cleansPixels = options.Any(o => o.Option.CleansPixels);
        var sopClasses = (document.SopClasses ?? []).Select((s, i) => ReadSopClass(s, i, cleansPixels)).ToList();
        if (sopClasses.Count == 0)
        {
            throw new InvalidDataException($"{source}: 'sopClasses' is empty: a profile must accept at least one SOP class (\"*\" for all).");
        }

        var rules = new ProfileRules(
            document.RemovesIdentity,
            ParseAction(document.UnlistedTags ?? "Remove", "unlistedTags"),
            ParseAction(document.PrivateTags ?? "Remove", "privateTags"),
            common,
            sopClasses)
        { Notes = document.Notes ?? [] };
        var nonDicom = Enum.TryParse<NonDicomHandling>(document.NonDicom, out var handling)
            ? handling
            : throw new InvalidDataException($"{source}: 'nonDicom' must be Discard or KeepPasswordProtected.");
        var descriptor = new ProfileDescriptor(id, Require(document.Version, "version"), Require(document.Description, "description"), nonDicom) { Rules = rules };
        var methods = options.Select(o => new MethodCode(Require(o.Option.Code, $"options.{o.Name}.code"), Require(o.Option.Meaning, $"options.{o.Name}.meaning"))
        {
            OptionTags = ReadRules(o.Option.Rules ?? [], $"options.{o.Name}.rules")
                .Where(r => r.Action is TagAction.Keep or TagAction.Clean)
                .Select(r => r.Tag)
                .ToHashSet(),
        });
        return new ProfileDefinition(descriptor, [.. methods]);
    }

    private SopClassRules ReadSopClass(SopClassDocument document, int index, bool cleanPixelsOption)
    {
        var where = $"sopClasses[{index}]";
        var uids = document.Uids is { Count: > 0 } u ? u : throw new InvalidDataException($"{source}: {where}.uids is empty.");
        var (holdBack, clean) = document.BurnedInAnnotation switch
        {
            _ when cleanPixelsOption && document.DiscardReason is null => (false, true),
            null or "Send" => (false, false),
            "HoldBack" => (true, false),
            "Clean" => (false, true),
            _ => throw new InvalidDataException($"{source}: {where}.burnedInAnnotation must be Send, HoldBack or Clean, not '{document.BurnedInAnnotation}'."),
        };
        return new SopClassRules(Require(document.Name, $"{where}.name"), uids, ReadRules(document.Rules ?? [], $"{where}.rules").ToList())
        {
            DiscardReason = document.DiscardReason,
            HoldsBackBurnedInAnnotation = holdBack,
            CleansPixels = clean,
            CleansStructuredContent = document.CleansStructuredContent,
        };
    }

    private IEnumerable<TagRule> ReadRules(IReadOnlyList<RuleDocument> rules, string where)
    {
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            if (rule.Include is { } include)
            {
                var included = document.Includes?.GetValueOrDefault(include)
                    ?? throw new InvalidDataException($"{source}: {where}[{i}] includes '{include}', which 'includes' does not define.");
                foreach (var r in ReadRules(included, $"includes.{include}"))
                {
                    yield return r;
                }

                continue;
            }

            var text = Require(rule.Tag, $"{where}[{i}].tag");
            (Uplink.Dicom.DicomTag Tag, uint Mask) pattern;
            try
            {
                pattern = TagPattern.Parse(text);
            }
            catch (FormatException e)
            {
                throw new InvalidDataException($"{source}: {where}[{i}]: {e.Message}", e);
            }

            var action = ParseAction(Require(rule.Action, $"{where}[{i}].action"), $"{where}[{i}].action");
            if (action == TagAction.Replace && rule.Value is null)
            {
                throw new InvalidDataException($"{source}: {where}[{i}] ({text}) is Replace without a value.");
            }

            yield return new TagRule(pattern.Tag, action, rule.Value) { Mask = pattern.Mask, Note = rule.Note, Required = rule.Required };
        }
    }

    private static void Override(List<TagRule> rules, IEnumerable<TagRule> overrides)
    {
        foreach (var rule in overrides)
        {
            var index = rules.FindIndex(r => r.Tag == rule.Tag && r.Mask == rule.Mask);
            if (index < 0)
            {
                rules.Add(rule);
            }
            else
            {
                rules[index] = rule;
            }
        }
    }

    private TagAction ParseAction(string text, string where) =>
        Enum.TryParse<TagAction>(text, out var action) && Enum.IsDefined(action)
            ? action
            : throw new InvalidDataException($"{source}: {where} '{text}' is not an action ({string.Join(", ", Enum.GetNames<TagAction>())}).");

    private string Require(string? value, string where) =>
        string.IsNullOrWhiteSpace(value) ? throw new InvalidDataException($"{source}: '{where}' is missing.") : value;
}
