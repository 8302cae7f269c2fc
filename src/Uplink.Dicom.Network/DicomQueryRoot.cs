namespace Uplink.Dicom.Network;

/// <summary>The Query/Retrieve information model (PS3.4 C.6) a C-FIND, C-MOVE or C-GET runs in.</summary>
public enum DicomQueryRoot
{
    /// <summary>Study Root: study, series, image levels (1.2.840.10008.5.1.4.1.2.2.x).</summary>
    Study,

    /// <summary>Patient Root: patient, study, series, image levels (1.2.840.10008.5.1.4.1.2.1.x).</summary>
    Patient,
}
