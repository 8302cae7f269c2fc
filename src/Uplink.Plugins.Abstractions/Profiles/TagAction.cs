namespace Uplink.Plugins.Abstractions.Profiles;

/// <summary>What a profile does with one attribute. The host's verifier checks the output against it.</summary>
public enum TagAction
{
    /// <summary>Kept exactly as it was (a sequence is kept and its items are filtered by the same rules).</summary>
    Keep,

    /// <summary>Removed at every depth.</summary>
    Remove,

    /// <summary>Kept with an empty value (for attributes the IOD requires to be present).</summary>
    Empty,

    /// <summary>Replaced by <see cref="TagRule.Value"/> when present.</summary>
    Replace,

    /// <summary>Set to <see cref="TagRule.Value"/> on every anonymized instance, present or not (the de-identification stamps).</summary>
    Set,

    /// <summary>Replaced by the host's keyed <c>2.25.</c> UID; UIDs under the DICOM root <c>1.2.840.10008.</c> are well known and kept.</summary>
    RemapUid,

    /// <summary>A date (DA or DT) kept to 1 January of its year: <c>YYYY0101</c>.</summary>
    DateToYear,

    /// <summary>A date kept to 1 January of its decade: <c>1993xxxx</c> becomes <c>19900101</c>.</summary>
    DateToDecade,

    /// <summary>A time replaced by <c>000000.00</c>.</summary>
    TimeToZero,

    /// <summary>
    /// A descriptor kept after cleaning: the profile keeps it only when it holds none of the instance's
    /// identifying values, and the host's identity-leak scan sets the instance aside otherwise.
    /// </summary>
    Clean,
}
