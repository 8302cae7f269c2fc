using System.Security.Cryptography;
using System.Text;
using Uplink.Dicom;

namespace Uplink.Core.Anonymization.Verification;

/// <summary>
/// Every value of the source, by tag, from every depth: what a kept attribute must still equal and what a
/// remapped or reduced one must derive from. Values are compared as raw bytes (Latin-1 keeps them one to one).
/// </summary>
internal sealed class SourceValues
{
    private const int LongValue = 1024;
    private readonly Dictionary<uint, HashSet<string>> _raw = [];
    private readonly Dictionary<uint, HashSet<string>> _text = [];
    private readonly Dictionary<uint, HashSet<long>> _bulkLengths = [];
    private readonly Dictionary<uint, List<ReadOnlyMemory<byte>>> _long = [];

    public SourceValues(DicomDataset dataset) => Add(dataset);

    /// <summary>True when some source element with this tag had exactly these bytes (padding ignored).</summary>
    public bool HasRaw(DicomTag tag, ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length <= LongValue)
        {
            return _raw.TryGetValue(tag.Value, out var set) && set.Contains(Raw(bytes));
        }

        // long values (in-memory pixels of a small image, long text): compared byte for byte, as Raw would by hash
        if (_long.TryGetValue(tag.Value, out var values))
        {
            var trimmed = Trim(bytes);
            foreach (var value in values)
            {
                if (Trim(value.Span).SequenceEqual(trimmed))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>True when some source element with this tag was bulk data of this length.</summary>
    public bool HasBulkLength(DicomTag tag, long length) => _bulkLengths.TryGetValue(tag.Value, out var set) && set.Contains(length);

    /// <summary>Every single value (split on <c>\</c>) the source had for this tag.</summary>
    public IReadOnlyCollection<string> Texts(DicomTag tag) => _text.TryGetValue(tag.Value, out var set) ? set : [];

    /// <summary>The canonical form of raw bytes: Latin-1 text with trailing padding removed, or a SHA-256 for long values.</summary>
    public static string Raw(ReadOnlySpan<byte> bytes) =>
        bytes.Length > LongValue
            ? "sha256:" + Convert.ToHexString(SHA256.HashData(Trim(bytes)))
            : Encoding.Latin1.GetString(bytes).TrimEnd('\0', ' ');

    private static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> bytes) => bytes.TrimEnd((byte)0).TrimEnd((byte)' ');

    private void Add(DicomDataset dataset)
    {
        foreach (var item in dataset)
        {
            switch (item)
            {
                case DicomSequence sequence:
                    foreach (var child in sequence.Items)
                    {
                        Add(child);
                    }

                    break;
                case DicomElement { IsBulk: true } bulk:
                    Set(_bulkLengths, item.Tag).Add(bulk.Length);
                    break;
                case DicomElement { Length: > LongValue } element:
                    // binary or long text: compared whole, never split into values
                    if (!_long.TryGetValue(item.Tag.Value, out var values))
                    {
                        _long[item.Tag.Value] = values = [];
                    }

                    values.Add(element.Bytes);
                    break;
                case DicomElement element:
                    var raw = Raw(element.Bytes.Span);
                    Set(_raw, item.Tag).Add(raw);

                    foreach (var value in raw.Split('\\'))
                    {
                        Set(_text, item.Tag).Add(value.Trim('\0', ' '));
                    }

                    break;
                case DicomFragmentSequence fragments:
                    Set(_bulkLengths, item.Tag).Add(fragments.Fragments.Sum(f => f.Length));
                    break;
            }
        }
    }

    private static HashSet<T> Set<T>(Dictionary<uint, HashSet<T>> map, DicomTag tag)
    {
        if (!map.TryGetValue(tag.Value, out var set))
        {
            set = [];
            map[tag.Value] = set;
        }

        return set;
    }
}
