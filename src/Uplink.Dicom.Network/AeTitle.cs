namespace Uplink.Dicom.Network;

/// <summary>Checks AE titles (PS3.5 VR AE): 1 to 16 characters of printable ASCII without backslash, not only spaces.</summary>
internal static class AeTitle
{
    public const int MaxLength = 16;

    public static string Validate(string title, string what)
    {
        ArgumentNullException.ThrowIfNull(title);
        var trimmed = title.Trim();
        if (trimmed.Length == 0 || title.Length > MaxLength || title.Any(c => c is < ' ' or > '~' or '\\'))
        {
            throw new ArgumentException($"The {what} AE title must be 1 to {MaxLength} printable ASCII characters without a backslash (got {title.Length} characters).", what);
        }

        return trimmed;
    }
}
