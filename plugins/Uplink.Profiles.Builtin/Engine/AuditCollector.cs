using Uplink.Dicom;
using Uplink.Plugins.Abstractions.Profiles;

namespace Uplink.Profiles.Builtin.Engine;

/// <summary>Collects, while a profile runs, what it did by tag (never values) and which methods it really applied.</summary>
internal sealed class AuditCollector
{
    private readonly SortedSet<DicomTag> _removed = [];
    private readonly SortedSet<DicomTag> _replaced = [];
    private readonly SortedSet<DicomTag> _kept = [];

    /// <summary>True once a date or time was reduced.</summary>
    public bool TemporalModified { get; private set; }

    /// <summary>True once SR content was cleaned.</summary>
    public bool ContentCleaned { get; set; }

    /// <summary>True once the host's cleaner blanked the pixels outside the image area.</summary>
    public bool PixelsCleaned { get; set; }

    public void Removed(DicomTag tag) => _removed.Add(tag);

    public void Kept(DicomTag tag) => _kept.Add(tag);

    public void Replaced(DicomTag tag, bool temporal = false)
    {
        _replaced.Add(tag);
        TemporalModified |= temporal;
    }

    /// <summary>The methods applied: the profile's base, the options whose tags were kept, and what this instance needed.</summary>
    /// <param name="definition">The profile.</param>
    /// <returns>The methods, in stamping order.</returns>
    public IReadOnlyList<MethodCode> Methods(ProfileDefinition definition)
    {
        var methods = new List<MethodCode>();
        if (!definition.Rules.RemovesIdentity)
        {
            return methods;
        }

        methods.Add(MethodCode.BasicProfile);
        methods.AddRange(definition.Options.Where(o => o.OptionTags.Overlaps(_kept)));
        if (PixelsCleaned)
        {
            methods.Add(MethodCode.CleanPixelData);
        }

        if (TemporalModified)
        {
            methods.Add(MethodCode.ModifiedDates);
        }

        if (ContentCleaned)
        {
            methods.Add(MethodCode.CleanStructuredContent);
        }

        return methods;
    }

    /// <summary>The audit record's content.</summary>
    /// <param name="methods">The methods applied.</param>
    /// <returns>The audit.</returns>
    public AnonymizationAudit ToAudit(IReadOnlyList<MethodCode> methods) =>
        new([.. _removed], [.. _replaced], [.. _kept.Except(_replaced).Except(_removed)], [.. methods.Select(m => $"{m.Code} {m.Meaning}")]);
}
