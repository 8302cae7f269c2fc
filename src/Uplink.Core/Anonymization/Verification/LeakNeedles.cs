using System.Text;
using Uplink.Dicom;

namespace Uplink.Core.Anonymization.Verification;

/// <summary>The byte strings the leak scan searches for: every byte form of every identifying source value.</summary>
internal static class LeakNeedles
{
    /// <summary>The needles of a source, each byte form once per tag.</summary>
    /// <param name="source">The source instance.</param>
    /// <param name="dictated">Values the output holds because the profile dictates them (not leaks).</param>
    /// <param name="outputCharacterSet">The output's Specific Character Set.</param>
    /// <returns>The needles.</returns>
    public static List<LeakNeedle> For(DicomFile source, IReadOnlySet<string> dictated, string? outputCharacterSet)
    {
        var needles = new List<LeakNeedle>();
        var seen = new HashSet<(DicomTag, string)>();
        foreach (var (tag, value, raw) in IdentityValues.Collect(source))
        {
            if (dictated.Contains(value))
            {
                continue;
            }

            foreach (var bytes in NeedleEncoder.Encode(value, raw, outputCharacterSet))
            {
                // Latin-1 maps bytes to chars one to one: the string is the bytes, as a set key
                if (seen.Add((tag, Encoding.Latin1.GetString(bytes))))
                {
                    needles.Add(new LeakNeedle(tag, bytes, !bytes.AsSpan().ContainsAnyExceptInRange((byte)'0', (byte)'9')));
                }
            }
        }

        return needles;
    }
}
