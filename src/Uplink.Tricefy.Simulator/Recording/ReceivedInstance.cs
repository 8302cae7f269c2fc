namespace Uplink.Tricefy.Simulator.Recording;

/// <summary>One instance the simulator accepted and stored.</summary>
/// <param name="SopInstanceUid">Its SOP Instance UID (the file's Media Storage SOP Instance UID).</param>
/// <param name="SopClassUid">Its SOP Class UID.</param>
/// <param name="TransferSyntaxUid">Its transfer syntax.</param>
/// <param name="Length">The stored file's length in bytes.</param>
/// <param name="StoredPath">Where the file is stored.</param>
/// <param name="TimesReceived">How many accepted uploads carried it (more than one means a duplicate upload).</param>
public sealed record ReceivedInstance(
    string SopInstanceUid,
    string SopClassUid,
    string TransferSyntaxUid,
    long Length,
    string StoredPath,
    int TimesReceived);
