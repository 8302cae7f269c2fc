using Uplink.Plugins.Abstractions.Outputs;

namespace Uplink.Output.Folder;

/// <summary>Checks that the UIDs used as folder and file names are UIDs, so no value can climb out of the root.</summary>
internal static class UidPath
{
    /// <summary>Names the first UID of the instance that is not a plain DICOM UID, or returns null.</summary>
    /// <param name="instance">The instance to place.</param>
    /// <returns>A reason naming the bad attribute, or <see langword="null"/> when all three are UIDs.</returns>
    public static string? FirstInvalid(OutboundInstance instance)
    {
        if (!IsUid(instance.StudyInstanceUid))
        {
            return "Study Instance UID is not a valid UID, so it cannot name a folder.";
        }

        if (!IsUid(instance.SeriesInstanceUid))
        {
            return "Series Instance UID is not a valid UID, so it cannot name a folder.";
        }

        return IsUid(instance.SopInstanceUid) ? null : "SOP Instance UID is not a valid UID, so it cannot name a file.";
    }

    private static bool IsUid(string value) =>
        value.Length is > 0 and <= 64
        && value[0] != '.'
        && value[^1] != '.'
        && !value.Contains("..", StringComparison.Ordinal)
        && value.All(c => c is '.' or (>= '0' and <= '9'));
}
