namespace Uplink.Dicom.IO;

/// <summary>Chooses the VR of an element whose encoding does not say it: Implicit VR, or explicit UN.</summary>
internal static class VRResolver
{
    /// <summary>The VR of an Implicit VR element: group lengths UL, private creators LO, other private UN,
    /// Pixel Data OW, else the dictionary's (OW where the standard allows it and the value needs it).</summary>
    public static DicomVR Implicit(DicomTag tag, long length)
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

        return entry.AllowsOW && (entry.VR == DicomVR.OB || length > 0xFFFE) ? DicomVR.OW : entry.VR;
    }

    /// <summary>The VR for an explicit UN element of a known public tag (PS3.5 6.2.2): the dictionary's; private stay UN.</summary>
    public static DicomVR ForUnknown(DicomTag tag)
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
        return entry is null || entry.VR == DicomVR.None ? DicomVR.UN : entry.AllowsOW && entry.VR == DicomVR.OB ? DicomVR.OW : entry.VR;
    }
}
