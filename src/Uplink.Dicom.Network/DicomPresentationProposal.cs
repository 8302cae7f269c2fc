namespace Uplink.Dicom.Network;

/// <summary>One presentation context to propose: a SOP class and the transfer syntaxes this side can send it in.</summary>
/// <param name="AbstractSyntax">The SOP class UID.</param>
/// <param name="TransferSyntaxes">The transfer syntax UIDs, preferred first.</param>
public sealed record DicomPresentationProposal(string AbstractSyntax, IReadOnlyList<string> TransferSyntaxes)
{
    private const string ImplicitVrLittleEndian = "1.2.840.10008.1.2";

    /// <summary>Verification (C-ECHO) in Implicit VR Little Endian.</summary>
    public static DicomPresentationProposal Verification { get; } = new("1.2.840.10008.1.1", ["1.2.840.10008.1.2"]);

    /// <summary>
    /// Whether this side also proposes to act as SCP of the SOP class (SCP/SCU Role Selection, PS3.7 D.3.3.4): needed
    /// for the storage contexts of a C-GET, whose C-STORE sub-operations the peer sends back on the same association.
    /// </summary>
    public bool ScpRole { get; init; }

    /// <summary>The C-FIND, C-MOVE and C-GET contexts of an information model, in Implicit VR Little Endian (the syntax every SCP accepts, and the one Uplink encodes identifiers in).</summary>
    /// <param name="root">The information model.</param>
    /// <returns>Three proposals.</returns>
    public static IReadOnlyList<DicomPresentationProposal> QueryRetrieve(DicomQueryRoot root) =>
    [
        new(QueryRetrieveSopClasses.Find(root), [ImplicitVrLittleEndian]),
        new(QueryRetrieveSopClasses.Move(root), [ImplicitVrLittleEndian]),
        new(QueryRetrieveSopClasses.Get(root), [ImplicitVrLittleEndian]),
    ];

    /// <summary>
    /// Storage contexts for receiving C-GET sub-operations: one per (SOP class, transfer syntax) pair, each with the
    /// SCP role proposed, so the archive can send every instance in the transfer syntax it keeps it in.
    /// </summary>
    /// <param name="sopClasses">The storage SOP classes to take.</param>
    /// <param name="transferSyntaxes">The transfer syntaxes to take them in.</param>
    /// <returns>The proposals.</returns>
    public static IReadOnlyList<DicomPresentationProposal> ForRetrievedStorage(IEnumerable<string> sopClasses, IEnumerable<string> transferSyntaxes)
    {
        ArgumentNullException.ThrowIfNull(sopClasses);
        ArgumentNullException.ThrowIfNull(transferSyntaxes);
        var syntaxes = transferSyntaxes.Distinct(StringComparer.Ordinal).ToArray();
        return [.. sopClasses.Distinct(StringComparer.Ordinal).SelectMany(c => syntaxes.Select(t => new DicomPresentationProposal(c, [t]) { ScpRole = true }))];
    }

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
