namespace Uplink.Dicom;

/// <summary>Encapsulated pixel data: fragment 0 is the Basic Offset Table exactly as read, then the fragments.</summary>
public sealed class DicomFragmentSequence : DicomItem
{
    /// <summary>Builds a fragment sequence.</summary>
    /// <param name="tag">The tag, normally <see cref="DicomTags.PixelData"/>.</param>
    /// <param name="vr">The VR, OB (or OW).</param>
    /// <param name="fragments">The fragments, Basic Offset Table first.</param>
    public DicomFragmentSequence(DicomTag tag, DicomVR vr, IEnumerable<DicomFragment>? fragments = null)
        : base(tag, vr)
    {
        Fragments = [.. fragments ?? []];
    }

    /// <summary>The fragments; index 0 is the Basic Offset Table (possibly empty).</summary>
    public IList<DicomFragment> Fragments { get; }

    internal override DicomItem DeepClone() => new DicomFragmentSequence(Tag, VR, Fragments);
}
