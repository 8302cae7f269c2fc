using System.Text;

namespace Uplink.Dicom.Text;

/// <summary>One defined term of Specific Character Set (PS3.3 C.12.1.1.2) and how to decode it.</summary>
/// <param name="Encoding">The .NET encoding for the bytes of this set.</param>
/// <param name="Escape">The ISO 2022 escape sequence (without ESC) that designates this set, or empty.</param>
/// <param name="Kind">Which code element the set occupies.</param>
internal sealed record CharacterSetTerm(Encoding Encoding, string Escape, CharacterSetKind Kind);
