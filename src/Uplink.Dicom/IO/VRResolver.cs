namespace Uplink.Dicom.IO;

/// <summary>Chooses the VR of an element whose encoding does not say it: Implicit VR, or explicit UN.</summary>
internal static class VRResolver
{
    /// <summary>The VR of an Implicit VR element: group lengths UL, private creators LO, other private UN,
    /// Pixel Data OW, else the dictionary's (OW where the standard allows it and the value needs it; SS for
    /// <c>US or SS</c> when Pixel Representation is signed).</summary>
    public static DicomVR Implicit(DicomTag tag, long length, DicomDataset dataset)
    {
        if (tag.Element == 0)
        {
            return DicomVR.UL;
        }

        if (tag.IsPrivateCreator)
        {
            return DicomVR.LO;
        }

        if (tag.IsPrivate)
        {
            return DicomVR.UN;
        }

        if (tag == DicomTags.PixelData)
        {
            return DicomVR.OW;
        }

        var entry = DicomDictionary.Lookup(tag);
        if (entry is null || entry.VR == DicomVR.None)
        {
            return DicomVR.UN;
        }

        return entry.AllowsOW && (entry.VR == DicomVR.OB || length > 0xFFFE) ? DicomVR.OW : SignedOrNot(entry, dataset);
    }

    /// <summary>The VR for an explicit UN element of a known public tag (PS3.5 6.2.2): the dictionary's; private stay UN.</summary>
    public static DicomVR ForUnknown(DicomTag tag, DicomDataset dataset)
    {
        if (tag.IsPrivateCreator)
        {
            return DicomVR.LO;
        }

        if (tag.IsPrivate || tag.Element == 0)
        {
            return DicomVR.UN;
        }

        var entry = DicomDictionary.Lookup(tag);
        return entry is null || entry.VR == DicomVR.None ? DicomVR.UN : entry.AllowsOW && entry.VR == DicomVR.OB ? DicomVR.OW : SignedOrNot(entry, dataset);
    }

    /// <summary>For <c>US or SS</c> elements (smallest/largest pixel values, padding values): SS when the dataset read so
    /// far says Pixel Representation 1, as PS3.3 C.7.6.3 ties them to it. LUT Descriptors keep US (their first and third
    /// values are always unsigned).</summary>
    private static DicomVR SignedOrNot(DicomDictionaryEntry entry, DicomDataset dataset)
    {
        if (!entry.AllowsSS || entry.Keyword.EndsWith("Descriptor", StringComparison.Ordinal))
        {
            return entry.VR;
        }

        return dataset.GetUInt16(DicomTags.PixelRepresentation) == 1 ? DicomVR.SS : DicomVR.US;
    }
}
