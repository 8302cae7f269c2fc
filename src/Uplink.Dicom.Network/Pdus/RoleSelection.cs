namespace Uplink.Dicom.Network.Pdus;

/// <summary>SCP/SCU Role Selection sub-item (0x54, PS3.7 D.3.3.4).</summary>
internal sealed record RoleSelection(string SopClassUid, bool ScuRole, bool ScpRole);
