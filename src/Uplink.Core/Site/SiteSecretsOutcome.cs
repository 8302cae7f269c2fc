namespace Uplink.Core.Site;

/// <summary>What <see cref="SiteFolder.SetUp"/> did with the site secrets, for the installer to report.</summary>
/// <param name="Kept">True when the secrets existed and were kept; false when they were created.</param>
/// <param name="SecretsDirectory">The folder holding them.</param>
/// <param name="AdminKeyFileName">The admin key's file name in that folder.</param>
public sealed record SiteSecretsOutcome(bool Kept, string SecretsDirectory, string AdminKeyFileName);
