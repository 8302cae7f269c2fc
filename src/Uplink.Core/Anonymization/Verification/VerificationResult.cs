namespace Uplink.Core.Anonymization.Verification;

/// <summary>What the verifier found in one output. Messages name tags and byte offsets, never values.</summary>
/// <param name="Violations">Every reason the output may not be sent; empty when it passed.</param>
/// <param name="Checks">The checks that ran (for example <c>rules</c>, <c>identity-leak-scan</c>).</param>
internal sealed record VerificationResult(IReadOnlyList<string> Violations, IReadOnlyList<string> Checks)
{
    /// <summary>True when nothing was found.</summary>
    public bool Passed => Violations.Count == 0;

    /// <summary>The length of the output as it was read back, in bytes.</summary>
    public long Length { get; init; }

    /// <summary>What the pixel check proved, when the profile cleans pixels and the check passed.</summary>
    public PixelProof? Pixels { get; init; }
}
