namespace Uplink.Dicom.Tests.Support;

/// <summary>One row of the corpus MANIFEST.tsv.</summary>
public sealed record CorpusEntry(string Path, string TransferSyntaxUid, string Expect, string DcmdumpOk, string Notes);
