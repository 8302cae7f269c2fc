using System.Security.Cryptography;
using Uplink.Core.Anonymization;
using Uplink.Core.Anonymization.Shaping;
using Uplink.Dicom;
using Uplink.Plugins.Abstractions.Outputs;

namespace Uplink.Core.Tests.Anonymization.Shaping;

/// <summary>Verified instances described as the anonymizer would, and the acceptances the shaping tests shape to.</summary>
internal static class ShapingFixture
{
    public const string ExplicitLittle = "1.2.840.10008.1.2.1";

    /// <summary>What Tricefy's published rules take (the output's own declaration is built the same way).</summary>
    public static OutputAcceptance TricefyLike(long maxBytes = 10_000_000, bool split = true) =>
        OutputAcceptance.Create(maxBytes, ["1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.4.70", ExplicitLittle], []) with { SplitsLargeClips = split };

    public static AnonymizedInstanceInfo Describe(string path)
    {
        using var file = DicomFile.Open(path);
        using var stream = File.OpenRead(path);
        var ds = file.Dataset;
        return AnonymizedInstanceInfo.Instance(
            path, stream.Length, Convert.ToHexStringLower(SHA256.HashData(stream)),
            ds.GetString(DicomTags.SOPClassUID)!, ds.GetString(DicomTags.SOPInstanceUID)!,
            ds.GetString(DicomTags.StudyInstanceUID) ?? "2.25.1", ds.GetString(DicomTags.SeriesInstanceUID) ?? "2.25.2", file.TransferSyntax.Uid);
    }

    public static ShapingResult Shape(string path, OutputAcceptance acceptance, string folder) =>
        InstanceShaper.Shape(Describe(path), acceptance, folder, () => null);

    public static byte[] PixelBytes(string path)
    {
        using var file = DicomFile.Open(path);
        var element = Assert.IsType<DicomElement>(file.Dataset[DicomTags.PixelData]);
        using var stream = element.OpenValue();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
