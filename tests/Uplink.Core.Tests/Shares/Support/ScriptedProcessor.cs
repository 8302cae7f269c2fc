using System.Security.Cryptography;
using System.Text;
using Uplink.Core.Anonymization;
using Uplink.Plugins.Abstractions.Profiles;

namespace Uplink.Core.Tests.Shares.Support;

/// <summary>
/// Stands in for the anonymizer (the profiles branch implements the real one): the first line of the
/// source file says what to do (<c>ok</c>, <c>set-aside</c>, <c>discard</c>, <c>throw</c>, <c>document</c>: non-DICOM content
/// the real keeper keeps as it came); an anonymized
/// output is the text after the first line, with a SOP Instance UID derived from it, so a repeat gives the same UID.
/// </summary>
internal sealed class ScriptedProcessor : IInstanceProcessor
{
    private int _calls;

    public int Calls => _calls;

    /// <summary>When set, the anonymizer cannot run at all (as when the site's UID key is missing).</summary>
    public bool Unavailable { get; set; }

    public InstanceResult Process(string sourcePath, string outputPath, IAnonymizationProfile profile, CancellationToken cancellationToken)
    {
        if (Unavailable)
        {
            throw new AnonymizerUnavailableException("The site secrets are missing; run 'uplink setup'.");
        }

        Interlocked.Increment(ref _calls);
        var lines = File.ReadAllLines(sourcePath);
        switch (lines[0])
        {
            case "throw":
                throw new InvalidDataException("PATIENT^SECRET could not be parsed");
            case "set-aside":
                return new InstanceResult(AnonymizationDisposition.SetAside, "verifier found PatientName", null, null);
            case "discard":
                return new InstanceResult(AnonymizationDisposition.Discarded, "not DICOM", null, null);
            case "document":
                return NonDicomKeeper.Keep(sourcePath, outputPath, profile.Descriptor, cancellationToken);
        }

        var body = string.Join('\n', lines.Skip(1));
        File.WriteAllText(outputPath, body);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(body));
        var uid = "2.25." + new System.Numerics.BigInteger(hash.AsSpan(0, 16), isUnsigned: true);
        var info = AnonymizedInstanceInfo.Instance(outputPath, body.Length, Convert.ToHexStringLower(hash), "1.2.840.10008.5.1.4.1.1.6.1", uid, "2.25.1", "2.25.2", "1.2.840.10008.1.2.1");
        return new InstanceResult(AnonymizationDisposition.Anonymized, null, info, """{"removed":["(0010,0010)"]}""");
    }
}
