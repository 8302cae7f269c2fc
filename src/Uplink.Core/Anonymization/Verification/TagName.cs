using Uplink.Dicom;

namespace Uplink.Core.Anonymization.Verification;

/// <summary>A tag's printable name, looked up only when a message is written (most elements pass).</summary>
/// <param name="Tag">The tag.</param>
internal readonly record struct TagName(DicomTag Tag)
{
    /// <inheritdoc />
    public override string ToString() => TagNames.Describe(Tag);
}
