using Uplink.Plugins.Abstractions.Profiles;

namespace Uplink.Core.Anonymization;

/// <summary>
/// The one path every instance takes before it may leave: parse, anonymize with the profile, verify
/// the output independently, write it atomically. Shared by the share pipeline and `uplink anonymize`.
/// </summary>
internal interface IInstanceProcessor
{
    /// <summary>Processes one source file. Never throws for bad input: the result says why it was set aside.</summary>
    /// <param name="sourcePath">The source file (DICOM or not).</param>
    /// <param name="outputPath">Where the anonymized file goes; written only when the result is anonymized and verified.</param>
    /// <param name="profile">The active profile, wrapped in its <see cref="Plugins.Supervision.GuardedProfile"/>: the guard, not the processor, contains its throws.</param>
    /// <param name="cancellationToken">Cancels the work; nothing is written then.</param>
    /// <returns>What became of the instance.</returns>
    InstanceResult Process(string sourcePath, string outputPath, IAnonymizationProfile profile, CancellationToken cancellationToken);
}
