using System.Collections.Concurrent;
using System.Text;
using Uplink.Dicom.IO;

namespace Uplink.Dicom.Text;

/// <summary>The decoder and encoder for one value of Specific Character Set (0008,0005), ISO 2022 included.</summary>
internal sealed class CharacterSet
{
    private const byte Esc = 0x1B;

    private static readonly ConcurrentDictionary<string, CharacterSet> Cache = new(StringComparer.Ordinal);

    private readonly CharacterSetTerm[] _terms;
    private readonly CharacterSetTerm _initialG1;
    private readonly bool _codeExtensions;

    private CharacterSet(string value)
    {
        Value = value;
        var names = value.Split('\\').Select(n => n.Trim()).ToArray();
        _terms = [.. names.Select(n => CharacterSetTerms.ByName.GetValueOrDefault(n) ?? CharacterSetTerms.Ascii)];
        _codeExtensions = names.Length > 1 || names[0].StartsWith("ISO 2022", StringComparison.Ordinal);
        _initialG1 = _terms[0].Kind is CharacterSetKind.SingleByteG1 or CharacterSetKind.DoubleByteG1 or CharacterSetKind.Whole
            ? _terms[0]
            : CharacterSetTerms.Ascii;
        IsKnown = names.All(CharacterSetTerms.ByName.ContainsKey);
    }

    /// <summary>The default repertoire.</summary>
    public static CharacterSet Default { get; } = new(string.Empty);

    /// <summary>The value of Specific Character Set this set was built from.</summary>
    public string Value { get; }

    /// <summary>False when a term is not one of the defined terms (decoded as Latin-1 then).</summary>
    public bool IsKnown { get; }

    /// <summary>The set for a value of Specific Character Set (cached).</summary>
    public static CharacterSet Get(string? value)
        => string.IsNullOrEmpty(value) ? Default : Cache.GetOrAdd(value, v => new CharacterSet(v));

    /// <summary>Decodes a text value of the given VR.</summary>
    public string Decode(ReadOnlySpan<byte> bytes, DicomVR vr)
    {
        if (!_codeExtensions)
        {
            return _terms[0].Encoding.GetString(bytes);
        }

        if (bytes.IndexOf(Esc) < 0 && _initialG1.Kind != CharacterSetKind.DoubleByteG1 && bytes.IndexOfAnyInRange((byte)0x80, (byte)0xFF) < 0)
        {
            return Encoding.Latin1.GetString(bytes);
        }

        return Iso2022Decoder.Decode(bytes, vr, _initialG1);
    }

    /// <summary>Encodes text for a value of the given VR; throws when the set cannot represent it.</summary>
    public byte[] Encode(string text, DicomVR vr)
    {
        if (Ascii.IsValid(text))
        {
            return Encoding.ASCII.GetBytes(text);
        }

        if (!VRInfo.UsesCharacterSet(vr))
        {
            throw new ArgumentException($"VR {vr} allows only the default character repertoire (ASCII), but the text has other characters.", nameof(text));
        }

        return _codeExtensions ? Iso2022Encoder.Encode(text, _terms, Value) : EncodeWhole(_terms[0], text);
    }

    private static byte[] EncodeWhole(CharacterSetTerm term, string text)
    {
        var bytes = term.Encoding.GetBytes(text);
        if (term.Encoding.GetString(bytes) != text)
        {
            throw new ArgumentException($"Specific Character Set cannot represent the text with {term.Encoding.WebName}.", nameof(text));
        }

        return bytes;
    }
}
