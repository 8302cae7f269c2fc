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
        if (System.Text.Ascii.IsValid(value))
        {
            // ASCII is the same bytes in every character set DICOM allows (G0 of ISO 2022 included)
            if (raw is not null)
            {
                forms.Add(raw.AsSpan().TrimEnd((byte)' ').TrimEnd((byte)0).ToArray());
            }

            return Distinct(forms);
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

        return Distinct(forms);
    }

    /// <summary>The forms long enough to search for, each once (a handful: compared directly).</summary>
    private static List<byte[]> Distinct(List<byte[]> forms)
    {
        var distinct = new List<byte[]>(forms.Count);
        foreach (var form in forms)
        {
            if (form.Length >= IdentityValues.MinimumLength && !distinct.Exists(f => f.AsSpan().SequenceEqual(form)))
            {
                distinct.Add(form);
            }
        }

        return distinct;
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
