namespace Uplink.Dicom.Network;

/// <summary>One presentation context to propose: a SOP class and the transfer syntaxes this side can send it in.</summary>
/// <param name="AbstractSyntax">The SOP class UID.</param>
/// <param name="TransferSyntaxes">The transfer syntax UIDs, preferred first.</param>
public sealed record DicomPresentationProposal(string AbstractSyntax, IReadOnlyList<string> TransferSyntaxes)
{
    /// <summary>Verification (C-ECHO) in Implicit VR Little Endian.</summary>
    public static DicomPresentationProposal Verification { get; } = new("1.2.840.10008.1.1", ["1.2.840.10008.1.2"]);

    /// <summary>One proposal per (SOP class, transfer syntax) among Part 10 files, plus Verification: each file is sent as stored.</summary>
    /// <param name="paths">The files to send.</param>
    /// <returns>The proposals, at most 128 (the upper layer's limit).</returns>
    /// <exception cref="InvalidDataException">A file is not Part 10 or lacks its SOP class, instance or transfer syntax.</exception>
    public static IReadOnlyList<DicomPresentationProposal> ForFiles(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var pairs = paths.Select(Part10Header.Read).Select(h => (h.SopClassUid, h.TransferSyntaxUid)).Distinct().ToArray();
        if (pairs.Length > 127)
        {
            throw new InvalidDataException($"The files need {pairs.Length} presentation contexts; one association carries at most 127 besides Verification.");
        }

        return [Verification, .. pairs.Select(p => new DicomPresentationProposal(p.SopClassUid, [p.TransferSyntaxUid]))];
    }
}
