namespace Uplink.Output.Tricefy.Preflight;

/// <summary>What the pre-flight decided: the files to send, or why the instance is set aside.</summary>
/// <param name="Parts">The files to upload in order (empty when set aside).</param>
/// <param name="SetAsideReason">Why the instance cannot go to Tricefy, naming the transfer syntax, SOP class or size.</param>
/// <param name="StagingFolder">A folder of rewritten files to delete once done, or null.</param>
internal sealed record PreflightResult(IReadOnlyList<UploadPart> Parts, string? SetAsideReason, string? StagingFolder)
{
    public static PreflightResult AsIs(UploadPart part) => new([part], null, null);

    public static PreflightResult SetAside(string reason) => new([], reason, null);
}
