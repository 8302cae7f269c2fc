using Uplink.Core.Anonymization;
using Uplink.Core.Anonymization.Pixels;
using Uplink.Dicom;
using Uplink.Plugins.Abstractions.Profiles;
using Uplink.Profiles.Builtin;
using Uplink.Profiles.Builtin.Engine;

namespace Uplink.Plugins.Tests.Profiles.Support;

/// <summary>Runs built-in profiles through the host's real processor (write, verify, rename) in a temporary folder.</summary>
internal sealed class ProfileHarness : IDisposable
{
    public static readonly byte[] SiteKey = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];

    public ProfileHarness(byte[]? key = null, ImageAreaRules? areaRules = null)
    {
        Folder = Directory.CreateTempSubdirectory("uplink-profiles-").FullName;
        Uids = new HmacUidRemapper(key ?? SiteKey);
        AreaRules = areaRules ?? ImageAreaRules.None;
    }

    /// <summary>The device rules the processor uses (none unless a test gives some).</summary>
    public ImageAreaRules AreaRules { get; }

    public string Folder { get; }

    public HmacUidRemapper Uids { get; }

    public static IAnonymizationProfile Profile(string id) =>
        new DeclarativeProfile(BuiltinProfiles.Definitions.Single(d => d.Descriptor.Id == id));

    /// <summary>Writes a fixture to disk and reads it back, as a source file would be.</summary>
    public string Write(DicomFile file, string name = "source.dcm")
    {
        var path = Path.Combine(Folder, "in", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        file.Save(path);
        return path;
    }

    public (InstanceResult Result, string OutputPath) Run(string profileId, string sourcePath, string name = "out.dcm")
    {
        var output = Path.Combine(Folder, "out", name);
        var result = new InstanceProcessor(Uids, AreaRules).Process(sourcePath, output, Profile(profileId), TestContext.Current.CancellationToken);
        return (result, output);
    }

    public (InstanceResult Result, string OutputPath) Run(string profileId, DicomFile source) => Run(profileId, Write(source));

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
