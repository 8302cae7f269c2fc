using System.Security.Cryptography;
using Uplink.Dicom;
using Uplink.Dicom.Imaging;
using Uplink.Plugins.Abstractions.Outputs;

namespace Uplink.Core.Anonymization.Shaping;

/// <summary>
/// Makes one verified instance fit one output's <see cref="OutputAcceptance"/>: as it is when it fits; converted
/// to Explicit VR Little Endian (RLE decoded) when its syntax is not taken and Uplink converts it; a multi-frame
/// clip over the size limit split into ordered parts. Every file it makes is verified on disk by
/// <see cref="ShapedFileVerifier"/> before it is returned; whatever cannot be made to fit, or fails that check,
/// is set aside for the output with a reason naming the UID, size or check.
/// </summary>
internal static class InstanceShaper
{
    private const string Converted = "converted.dcm";
    private const string Raw = "pixels.raw";

    /// <summary>Shapes the instance into <paramref name="folder"/> (emptied first; it holds only the files returned).</summary>
    /// <param name="instance">The verified instance.</param>
    /// <param name="acceptance">What the output takes.</param>
    /// <param name="folder">Where shaped files go.</param>
    /// <param name="leaks">Opens the source and remapper for the leak scan when a file was made; null when the source is gone.</param>
    /// <returns>The verified files to send, or why not.</returns>
    public static ShapingResult Shape(AnonymizedInstanceInfo instance, OutputAcceptance acceptance, string folder, Func<ShapingLeakCheck?> leaks)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(acceptance);
        if (instance.IsDocument)
        {
            throw new ArgumentException("A kept document is never shaped: it goes as it came, to an output that password protects it.", nameof(instance));
        }

        if (!acceptance.AcceptsSopClass(instance.SopClassUid))
        {
            return ShapingResult.SetAside($"SOP class {instance.SopClassUid} is not taken by this output (it takes {string.Join(", ", acceptance.SopClassUids.Order(StringComparer.Ordinal))})");
        }

        var syntaxTaken = acceptance.AcceptsTransferSyntax(instance.TransferSyntaxUid);
        if (syntaxTaken && acceptance.AcceptsLength(instance.Length))
        {
            return ShapingResult.Send([new ShapedFile(instance.Path, instance.Length, instance.Sha256, instance.SopInstanceUid, instance.TransferSyntaxUid, 0)]);
        }

        if (!syntaxTaken && (!ExplicitLittleConverter.Convertible.Contains(instance.TransferSyntaxUid) || !acceptance.AcceptsTransferSyntax(DicomTransferSyntax.ExplicitVRLittleEndian.Uid)))
        {
            return ShapingResult.SetAside($"transfer syntax {DicomTransferSyntax.Lookup(instance.TransferSyntaxUid).Name} ({instance.TransferSyntaxUid}) is not taken by this output (it takes {string.Join(", ", acceptance.TransferSyntaxUids.Order(StringComparer.Ordinal))}) and Uplink does not convert it to one it takes");
        }

        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
        try
        {
            var result = Rework(instance, acceptance, syntaxTaken, folder, leaks);
            File.Delete(Path.Combine(folder, Raw));
            if (result.SetAsideReason is not null)
            {
                Directory.Delete(folder, recursive: true);
            }

            return result;
        }
        catch (Exception e) when (e is PixelDataException or DicomFormatException or InvalidDataException)
        {
            Directory.Delete(folder, recursive: true);
            return ShapingResult.SetAside($"it could not be shaped for this output: {e.Message}");
        }
    }

    private static ShapingResult Rework(AnonymizedInstanceInfo instance, OutputAcceptance acceptance, bool syntaxTaken, string folder, Func<ShapingLeakCheck?> leaks)
    {
        using var verified = DicomFile.Open(instance.Path);
        var path = instance.Path;
        if (!syntaxTaken)
        {
            path = Path.Combine(folder, Converted);
            ExplicitLittleConverter.Write(verified, Path.Combine(folder, Raw), path);
            var length = new FileInfo(path).Length;
            if (acceptance.AcceptsLength(length))
            {
                return Checked(verified, [(path, (ClipPart?)null)], leaks);
            }
        }

        var size = new FileInfo(path).Length;
        var tooBig = $"the file has {size} bytes, over this output's limit of {acceptance.MaxFileBytes}";
        if (!acceptance.SplitsLargeClips)
        {
            return ShapingResult.SetAside($"{tooBig}, and it does not take clips split into parts");
        }

        var frames = verified.Dataset.GetInt32(DicomTags.NumberOfFrames) ?? 1;
        if (frames <= 1)
        {
            return ShapingResult.SetAside($"{tooBig}, and a single frame cannot be split");
        }

        IReadOnlyList<ClipPart> parts;
        using (var clip = path == instance.Path ? null : DicomFile.Open(path))
        {
            try
            {
                parts = ClipSplitter.Split(clip ?? verified, size, acceptance.MaxFileBytes!.Value, folder);
            }
            catch (PixelDataException e)
            {
                return ShapingResult.SetAside($"{tooBig}, and the clip of {frames} frames cannot be split: {e.Message}");
            }
        }

        if (path != instance.Path)
        {
            File.Delete(path);
        }

        return Checked(verified, [.. parts.Select(p => (p.Path, (ClipPart?)p))], leaks);
    }

    private static ShapingResult Checked(DicomFile verified, IReadOnlyList<(string Path, ClipPart? Part)> files, Func<ShapingLeakCheck?> open)
    {
        var leaks = open();
        var shaped = new List<ShapedFile>(files.Count);
        foreach (var (path, part) in files)
        {
            var violations = ShapedFileVerifier.Verify(path, verified, part, leaks);
            if (violations.Count > 0)
            {
                var which = part is null ? "the converted file" : $"part {part.Number} of {part.Total}";
                return ShapingResult.SetAside($"{which} failed verification: {string.Join("; ", violations.Take(5))}");
            }

            shaped.Add(Describe(path, part));
        }

        return ShapingResult.Send(shaped);
    }

    /// <summary>Describes a shaped file as it is on disk: its length, hash and identity read back.</summary>
    /// <param name="path">The file.</param>
    /// <param name="part">The part it is, or null.</param>
    /// <returns>The description.</returns>
    public static ShapedFile Describe(string path, ClipPart? part)
    {
        string sha256;
        long length;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16))
        {
            sha256 = Convert.ToHexStringLower(SHA256.HashData(stream));
            length = stream.Length;
        }

        using var file = DicomFile.Open(path);
        return new ShapedFile(path, length, sha256, file.Dataset.GetString(DicomTags.SOPInstanceUID) ?? string.Empty, file.TransferSyntax.Uid, part?.Number ?? 0);
    }
}
