using Uplink.Core.Anonymization.Audit;
using Uplink.Plugins.Abstractions.Profiles;

namespace Uplink.Core.Anonymization;

/// <summary>
/// Keeps non-DICOM content byte for byte for a profile that keeps it password protected: copied beside the
/// destination, hashed on the way, then renamed into place, so a half-written copy is never taken for the content.
/// </summary>
internal static class NonDicomKeeper
{
    /// <summary>Why the content was not anonymized, in every result and audit record of a kept document.</summary>
    public const string Reason = "not DICOM, so it cannot be anonymized or verified: kept as it came, to be sent password protected";

    /// <summary>Copies the content to <paramref name="outputPath"/>.</summary>
    /// <param name="sourcePath">The non-DICOM source.</param>
    /// <param name="outputPath">Where the copy goes.</param>
    /// <param name="descriptor">The profile that keeps it.</param>
    /// <param name="cancellationToken">Stops the copy.</param>
    /// <returns>The kept document, or a set-aside result when it cannot be copied.</returns>
    public static InstanceResult Keep(string sourcePath, string outputPath, ProfileDescriptor descriptor, CancellationToken cancellationToken)
    {
        var destination = Path.GetFullPath(outputPath);
        var folder = Path.GetDirectoryName(destination)!;
        string? temporary = PartialFile.Beside(destination);
        try
        {
            Directory.CreateDirectory(folder);
            string sha256;
            string mediaType;
            long length;
            using (var source = new FileStream(sourcePath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16))
            using (var target = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            using (var hashing = new HashingStream(target))
            {
                Span<byte> prefix = stackalloc byte[MediaTypeSniffer.PrefixLength];
                mediaType = MediaTypeSniffer.Sniff(prefix[..source.ReadAtLeast(prefix, prefix.Length, throwOnEndOfStream: false)]);
                source.Position = 0;
                cancellationToken.ThrowIfCancellationRequested();
                source.CopyTo(hashing, 1 << 16);
                sha256 = hashing.HashHex();
                length = source.Length;
            }

            var info = AnonymizedInstanceInfo.Document(destination, length, sha256, mediaType);
            File.Move(temporary, destination, overwrite: true);
            temporary = null;
            return new InstanceResult(AnonymizationDisposition.KeptNonDicom, Reason, info,
                AuditRecord.ToJson(descriptor, AnonymizationDisposition.KeptNonDicom, Reason, null, null, info));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return InstanceProcessor.Refused(descriptor, AnonymizationDisposition.SetAside, $"non-DICOM content the profile keeps could not be copied ({e.GetType().Name})");
        }
        finally
        {
            if (temporary is not null)
            {
                File.Delete(temporary);
            }
        }
    }
}
