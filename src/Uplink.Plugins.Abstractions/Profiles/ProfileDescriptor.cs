namespace Uplink.Plugins.Abstractions.Profiles;

/// <summary>Describes a profile.</summary>
/// <param name="Id">The profile id, as expert codes and commands name it (for example <c>Anon-LPU-O</c>).</param>
/// <param name="Version">The profile's version, recorded in every audit record.</param>
/// <param name="Description">One line for admins.</param>
/// <param name="NonDicom">What happens to content that is not DICOM.</param>
public sealed record ProfileDescriptor(string Id, string Version, string Description, NonDicomHandling NonDicom)
{
    /// <summary>
    /// The rules the profile declares (added in contracts 1.0, optional): the host's verifier checks every
    /// output against them. Null means the profile declares none; the host then applies only its identity-leak scan.
    /// </summary>
    public ProfileRules? Rules { get; init; }
}
