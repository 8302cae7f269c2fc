using Uplink.Dicom;

namespace Uplink.Core.Anonymization.Verification;

/// <summary>One byte form of an identifying source value.</summary>
/// <param name="Tag">The source tag it came from.</param>
/// <param name="Bytes">The bytes searched for.</param>
/// <param name="IsNumeric">True when every byte is an ASCII digit (such a value may occur inside a new UID by chance).</param>
internal readonly record struct LeakNeedle(DicomTag Tag, byte[] Bytes, bool IsNumeric);
