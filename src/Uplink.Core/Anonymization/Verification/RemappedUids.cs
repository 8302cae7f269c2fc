using Uplink.Dicom;
using Uplink.Plugins.Abstractions.Profiles;

namespace Uplink.Core.Anonymization.Verification;

/// <summary>
/// The UIDs the remapper produces for a source's UIDs, and where one of them sits in written bytes as the value
/// (or one of the values) of a UI element. A new <c>2.25.</c> UID is 39 random-looking digits, so a short
/// numeric identity value (a 4-digit Patient ID) can occur inside it by chance: such a match is no leak, and
/// this is the only place the leak scan excuses one.
/// </summary>
internal sealed class RemappedUids
{
    private const string DicomRoot = "1.2.840.10008.";
    private readonly List<byte[]> _produced;

    private RemappedUids(List<byte[]> produced) => _produced = produced;

    /// <summary>Remaps every instance UID of the source (File Meta included, at every depth).</summary>
    /// <param name="source">The source instance.</param>
    /// <param name="uids">The remapper the profile was given.</param>
    /// <returns>The produced UIDs.</returns>
    public static RemappedUids For(DicomFile source, IUidRemapper uids)
    {
        var originals = new HashSet<string>(StringComparer.Ordinal);
        Collect(source.FileMetaInformation, originals);
        Collect(source.Dataset, originals);
        return new RemappedUids([.. originals.Select(o => System.Text.Encoding.ASCII.GetBytes(uids.Remap(o)))]);
    }

    /// <summary>
    /// True when <c>window[at..at+length]</c> lies inside a produced UID that is a whole value of a UI element in
    /// Explicit VR Little Endian: its header (<c>UI</c>, 16-bit length) is in the window, the value holds only
    /// UID characters and padding, and the produced UID is one of its backslash-separated values.
    /// </summary>
    public bool Covers(ReadOnlySpan<byte> window, int at, int length)
    {
        foreach (var uid in _produced)
        {
            var from = Math.Max(0, at + length - uid.Length);
            var to = Math.Min(window.Length, at + uid.Length);
            if (from > at || to - from < uid.Length)
            {
                continue;
            }

            var found = window[from..to].IndexOf(uid);
            if (found >= 0 && found + from <= at && IsUiValue(window, found + from, uid.Length))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsUiValue(ReadOnlySpan<byte> window, int start, int length)
    {
        var valueStart = start;
        while (valueStart > 0 && IsUidByte(window[valueStart - 1]))
        {
            valueStart--;
        }

        if (valueStart < 8 || window[valueStart - 4] != 'U' || window[valueStart - 3] != 'I')
        {
            return false;
        }

        var valueEnd = valueStart + (window[valueStart - 2] | (window[valueStart - 1] << 8));
        if (valueEnd > window.Length)
        {
            return false;
        }

        var value = window[valueStart..valueEnd].TrimEnd((byte)0);
        var end = start + length;
        return !value.ContainsAnyExcept("0123456789.\\"u8)
            && valueStart + value.Length >= end
            && (start == valueStart || window[start - 1] == '\\')
            && (end == valueStart + value.Length || window[end] == '\\');
    }

    private static bool IsUidByte(byte b) => b is (>= (byte)'0' and <= (byte)'9') or (byte)'.' or (byte)'\\';

    private static void Collect(DicomDataset dataset, HashSet<string> originals)
    {
        foreach (var item in dataset)
        {
            if (item is DicomSequence sequence)
            {
                foreach (var child in sequence.Items)
                {
                    Collect(child, originals);
                }
            }
            else if (item is DicomElement { VR: DicomVR.UI, IsBulk: false, Length: > 0 })
            {
                foreach (var value in dataset.GetStrings(item.Tag))
                {
                    var uid = value.Trim('\0', ' ');
                    if (uid.Length > 0 && !uid.StartsWith(DicomRoot, StringComparison.Ordinal))
                    {
                        originals.Add(uid);
                    }
                }
            }
        }
    }
}
