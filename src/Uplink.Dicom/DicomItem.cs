namespace Uplink.Dicom;

/// <summary>One entry of a dataset: a value (<see cref="DicomElement"/>), a sequence (<see cref="DicomSequence"/>)
/// or encapsulated pixel data (<see cref="DicomFragmentSequence"/>).</summary>
public abstract class DicomItem
{
    private protected DicomItem(DicomTag tag, DicomVR vr)
    {
        Tag = tag;
        VR = vr;
    }

    /// <summary>The tag.</summary>
    public DicomTag Tag { get; }

    /// <summary>The value representation.</summary>
    public DicomVR VR { get; }

    /// <summary>A copy that can be changed without touching this one (bulk references are shared).</summary>
    internal abstract DicomItem DeepClone();

    /// <inheritdoc />
    public override string ToString() => $"{Tag} {VR}";
}
