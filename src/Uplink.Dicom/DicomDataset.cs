using System.Collections;
using System.Globalization;
using Uplink.Dicom.Text;
using Uplink.Dicom.Values;

namespace Uplink.Dicom;

/// <summary>A set of data elements, always in ascending tag order.</summary>
public sealed class DicomDataset : IEnumerable<DicomItem>
{
    private readonly List<DicomItem> _items;
    private CharacterSet? _characterSet;

    /// <summary>Builds an empty dataset.</summary>
    public DicomDataset()
    {
        _items = [];
    }

    /// <summary>Builds a dataset holding the given items (sorted by tag; a later duplicate replaces an earlier one).</summary>
    /// <param name="items">The items.</param>
    public DicomDataset(IEnumerable<DicomItem> items)
        : this()
    {
        ArgumentNullException.ThrowIfNull(items);
        foreach (var item in items)
        {
            AddOrUpdate(item);
        }
    }

    /// <summary>How many items the dataset holds (not counting nested ones).</summary>
    public int Count => _items.Count;

    /// <summary>The dataset that owns the sequence this item belongs to, or null at the top level.</summary>
    public DicomDataset? Parent { get; internal set; }

    /// <summary>Specific Character Set (0008,0005) of this dataset, or inherited from <see cref="Parent"/> when absent.</summary>
    public string? SpecificCharacterSet
        => Get(DicomTags.SpecificCharacterSet) is DicomElement element
            ? ValueText.Format(element, CharacterSet.Default)
            : Parent?.SpecificCharacterSet;

    /// <summary>The item with the given tag, or null.</summary>
    /// <param name="tag">The tag.</param>
    public DicomItem? this[DicomTag tag] => Get(tag);

    /// <summary>True when an item with the tag is present.</summary>
    /// <param name="tag">The tag.</param>
    /// <returns>Whether it is present.</returns>
    public bool Contains(DicomTag tag) => IndexOf(tag) >= 0;

    /// <summary>The item with the given tag, or null.</summary>
    /// <param name="tag">The tag.</param>
    /// <returns>The item.</returns>
    public DicomItem? Get(DicomTag tag)
    {
        var index = IndexOf(tag);
        return index >= 0 ? _items[index] : null;
    }

    /// <summary>Removes the item with the given tag.</summary>
    /// <param name="tag">The tag.</param>
    /// <returns>True when an item was removed.</returns>
    public bool Remove(DicomTag tag)
    {
        var index = IndexOf(tag);
        if (index < 0)
        {
            return false;
        }

        if (_items[index] is DicomSequence sequence)
        {
            sequence.AttachTo(null);
        }

        _items.RemoveAt(index);
        OnChanged(tag);
        return true;
    }

    /// <summary>Adds the item, replacing any item with the same tag.</summary>
    /// <param name="item">The item.</param>
    public void AddOrUpdate(DicomItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item is DicomSequence sequence)
        {
            sequence.AttachTo(this);
        }

        if (_items.Count == 0 || _items[^1].Tag.Value < item.Tag.Value)
        {
            _items.Add(item);
        }
        else
        {
            var index = IndexOf(item.Tag);
            if (index >= 0)
            {
                _items[index] = item;
            }
            else
            {
                _items.Insert(~index, item);
            }
        }

        OnChanged(item.Tag);
    }

    /// <summary>Adds or replaces an element from text: strings encoded with this dataset's character set,
    /// numbers (US, UL, SS, SL, FL, FD, SV, UV) and tags (AT) parsed invariant, values separated by a backslash.</summary>
    /// <param name="tag">The tag.</param>
    /// <param name="vr">The VR.</param>
    /// <param name="value">The value; an empty string gives an empty value.</param>
    /// <exception cref="ArgumentException">The VR has no text form, or the character set cannot represent the text.</exception>
    /// <exception cref="FormatException">A number does not parse.</exception>
    public void AddOrUpdate(DicomTag tag, DicomVR vr, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var characterSet = tag == DicomTags.SpecificCharacterSet ? CharacterSet.Default : GetCharacterSet();
        AddOrUpdate(DicomElement.FromBytes(tag, vr, ValueText.Encode(tag, vr, value, characterSet)));
    }

    /// <summary>The value as text: decoded through Specific Character Set, padding trimmed, several values joined with a backslash.</summary>
    /// <param name="tag">The tag.</param>
    /// <returns>The text; null when absent, a sequence, or a binary value without a text form (OB, OW, UN, bulk).</returns>
    public string? GetString(DicomTag tag)
        => Get(tag) is DicomElement element ? ValueText.Format(element, GetCharacterSet()) : null;

    /// <summary>The values as text, split at backslashes (one value for LT, ST, UT, UR).</summary>
    /// <param name="tag">The tag.</param>
    /// <returns>The values; empty when absent or empty.</returns>
    public string[] GetStrings(DicomTag tag)
    {
        var text = GetString(tag);
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        return Get(tag)!.VR is DicomVR.LT or DicomVR.ST or DicomVR.UT or DicomVR.UR ? [text] : text.Split('\\');
    }

    /// <summary>The first value as an unsigned 16-bit number (US, or any integer VR in range).</summary>
    /// <param name="tag">The tag.</param>
    /// <returns>The number, or null when absent, empty or out of range.</returns>
    public ushort? GetUInt16(DicomTag tag) => GetInt32(tag) is int value and >= 0 and <= ushort.MaxValue ? (ushort)value : null;

    /// <summary>The first value as a 32-bit signed number (IS, SL, SS, UL, US).</summary>
    /// <param name="tag">The tag.</param>
    /// <returns>The number, or null when absent, empty or out of range.</returns>
    public int? GetInt32(DicomTag tag)
    {
        var first = GetStrings(tag).FirstOrDefault();
        return long.TryParse(first, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value is >= int.MinValue and <= int.MaxValue
            ? (int)value
            : null;
    }

    /// <summary>The private creator that reserves the block of a private element: for <c>(gggg,xxee)</c> the value of <c>(gggg,00xx)</c>.</summary>
    /// <param name="tag">A private data element tag (odd group, element 1000-FFFF).</param>
    /// <returns>The creator, or null when the tag is not a private data element or no creator reserves its block.</returns>
    public string? GetPrivateCreator(DicomTag tag)
    {
        if (!tag.IsPrivate || tag.Element < 0x1000)
        {
            return null;
        }

        return GetString(new DicomTag(tag.Group, (ushort)(tag.Element >> 8)));
    }

    /// <summary>A deep copy: sequences and items are copied, element values and bulk references are shared (they are immutable).</summary>
    /// <returns>The copy, without a parent.</returns>
    public DicomDataset Clone()
    {
        var copy = new DicomDataset();
        foreach (var item in _items)
        {
            copy.AddOrUpdate(item.DeepClone());
        }

        return copy;
    }

    /// <inheritdoc />
    public IEnumerator<DicomItem> GetEnumerator() => _items.GetEnumerator();

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The character set for text values: this dataset's own, else the parent's, else the default.</summary>
    internal CharacterSet GetCharacterSet()
    {
        if (_characterSet is not null)
        {
            return _characterSet;
        }

        if (Get(DicomTags.SpecificCharacterSet) is DicomElement element)
        {
            return _characterSet = CharacterSet.Get(ValueText.Format(element, CharacterSet.Default));
        }

        return Parent?.GetCharacterSet() ?? CharacterSet.Default;
    }

    /// <summary>Appends an item read from a file, where tags are known to ascend.</summary>
    internal void AppendRead(DicomItem item)
    {
        if (item is DicomSequence sequence)
        {
            sequence.AttachTo(this);
        }

        _items.Add(item);
    }

    private void OnChanged(DicomTag tag)
    {
        if (tag == DicomTags.SpecificCharacterSet)
        {
            _characterSet = null;
        }
    }

    private int IndexOf(DicomTag tag)
    {
        var target = tag.Value;
        int low = 0, high = _items.Count - 1;
        while (low <= high)
        {
            var mid = (low + high) >>> 1;
            var value = _items[mid].Tag.Value;
            if (value == target)
            {
                return mid;
            }

            if (value < target)
            {
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }

        return ~low;
    }
}
