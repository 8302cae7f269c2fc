using Uplink.Plugins.Abstractions.Profiles;

namespace Uplink.Core.Anonymization;

/// <summary>What became of one instance. Carries no patient data: UIDs here are the anonymized ones.</summary>
/// <param name="Disposition">Anonymized (and verified), set aside, discarded, or kept as it came (non-DICOM content a profile keeps).</param>
/// <param name="Reason">Why it was set aside or discarded.</param>
/// <param name="Output">The anonymized instance's identity, when anonymized.</param>
/// <param name="AuditJson">The audit record (profile id and version, tags removed/replaced/kept, verifier result, SHA-256 of the output), as JSON.</param>
public sealed record InstanceResult(
    AnonymizationDisposition Disposition,
    string? Reason,
    AnonymizedInstanceInfo? Output,
    string? AuditJson);
