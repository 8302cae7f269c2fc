namespace Uplink.Dicom.Network;

/// <summary>The FIND, MOVE and GET SOP classes of each information model (PS3.4 C.6.1.3, C.6.2.3).</summary>
internal static class QueryRetrieveSopClasses
{
    public static string Find(DicomQueryRoot root) => Prefix(root) + ".1";

    public static string Move(DicomQueryRoot root) => Prefix(root) + ".2";

    public static string Get(DicomQueryRoot root) => Prefix(root) + ".3";

    private static string Prefix(DicomQueryRoot root) => root switch
    {
        DicomQueryRoot.Study => "1.2.840.10008.5.1.4.1.2.2",
        DicomQueryRoot.Patient => "1.2.840.10008.5.1.4.1.2.1",
        _ => throw new ArgumentOutOfRangeException(nameof(root), root, "Not a Query/Retrieve information model."),
    };
}
