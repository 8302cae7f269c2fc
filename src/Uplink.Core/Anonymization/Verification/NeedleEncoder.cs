using System.Text;
using Uplink.Dicom;

namespace Uplink.Core.Anonymization.Verification;

/// <summary>
/// The byte forms in which an identifying value could appear in an output: as the source stored it, in the
/// output's character set, in UTF-8 and in Latin-1.
/// </summary>
internal static class NeedleEncoder
{
    /// <summary>Every distinct byte form of the value, at least <see cref="IdentityValues.MinimumLength"/> bytes long.</summary>
    /// <param name="value">The decoded value.</param>
    /// <param name="raw">The source element's bytes, when the value is a whole element.</param>
    /// <param name="outputCharacterSet">The output's Specific Character Set.</param>
    /// <returns>The byte forms.</returns>
    public static IEnumerable<byte[]> Encode(string value, byte[]? raw, string? outputCharacterSet)
    {
        var forms = new List<byte[]> { Encoding.UTF8.GetBytes(value) };
        if (value.All(char.IsAscii))
        {
            // ASCII is the same bytes in every character set DICOM allows (G0 of ISO 2022 included)
            return raw is null ? forms : forms.Append(raw.AsSpan().TrimEnd((byte)' ').TrimEnd((byte)0).ToArray()).Where(f => f.Length >= IdentityValues.MinimumLength).DistinctBy(Convert.ToHexString);
        }

        if (value.All(c => c <= '\u00FF'))
        {
            forms.Add(Encoding.Latin1.GetBytes(value));
        }

        if (raw is not null)
        {
            forms.Add(raw.AsSpan().TrimEnd((byte)' ').TrimEnd((byte)0).ToArray());
        }

        if (InCharacterSet(value, outputCharacterSet) is { } encoded)
        {
            forms.Add(encoded);
        }

        return forms.Where(f => f.Length >= IdentityValues.MinimumLength).DistinctBy(Convert.ToHexString);
    }

    private static byte[]? InCharacterSet(string value, string? characterSet)
    {
        if (characterSet is null)
        {
            return null;
        }

        try
        {
            var scratch = new DicomDataset();
            scratch.AddOrUpdate(DicomTags.SpecificCharacterSet, DicomVR.CS, characterSet);
            scratch.AddOrUpdate(DicomTags.PatientComments, DicomVR.LT, value);
            return scratch[DicomTags.PatientComments] is DicomElement element
                ? element.Bytes.Span.TrimEnd((byte)' ').ToArray()
                : null;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException or NotSupportedException or EncoderFallbackException)
        {
            return null; // not representable in that character set: the other forms are still searched
        }
    }
}
