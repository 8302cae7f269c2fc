namespace Uplink.Dicom.Network.Pdus;

/// <summary>
/// The User Information item (0x50): maximum length (0 = unlimited), implementation class UID and version name,
/// role selections, and whether the peer asked for an asynchronous operations window (Uplink always answers 1/1).
/// </summary>
internal sealed record UserInformation(
    uint MaxPduLength,
    string ImplementationClassUid,
    string? ImplementationVersionName,
    IReadOnlyList<RoleSelection> RoleSelections,
    bool AsyncWindowProposed)
{
    /// <summary>Uplink's Implementation Class UID (the one its Part 10 writer uses too).</summary>
    public const string UplinkImplementationClassUid = "2.25.260410374011916478209451187458066917139";

    /// <summary>Uplink's Implementation Version Name (at most 16 characters).</summary>
    public const string UplinkImplementationVersionName = "UPLINK_NET_1";

    public static UserInformation Uplink(uint maxPduLength, IReadOnlyList<RoleSelection>? roles = null, bool asyncWindow = false) =>
        new(maxPduLength, UplinkImplementationClassUid, UplinkImplementationVersionName, roles ?? [], asyncWindow);
}
