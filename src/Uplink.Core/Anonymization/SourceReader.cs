using Uplink.Dicom;
using Uplink.Plugins.Abstractions.Profiles;

namespace Uplink.Core.Anonymization;

/// <summary>
/// Opens a source file for the processor. A file that does not parse is set aside with the codec's reason
/// (offset and tag, never values); a file that is not DICOM at all is non-DICOM content, which the profile's
/// <see cref="NonDicomHandling"/> governs: discarded with a reason, or kept (<see cref="SourceReading.NonDicomToKeep"/>).
/// </summary>
internal static class SourceReader
{
    private const int PreambleLength = 128;

    /// <summary>Reads the source.</summary>
    /// <param name="path">The source file.</param>
    /// <param name="descriptor">The active profile.</param>
    /// <returns>The parsed file, the result that refuses it, or non-DICOM content the profile keeps.</returns>
    public static SourceReading Read(string path, ProfileDescriptor descriptor)
    {
        try
        {
            return SourceReading.Parsed(DicomFile.Open(path));
        }
        catch (DicomFormatException) when (!HasDicomPrefix(path))
        {
            // the codec's message quotes the first bytes as a tag: they are the file's content, so they stay out of the reason
            return descriptor.NonDicom == NonDicomHandling.Discard
                ? SourceReading.Refused(InstanceProcessor.Refused(descriptor, AnonymizationDisposition.Discarded, $"not DICOM (no DICM prefix and no dataset): {descriptor.Id} discards non-DICOM content"))
                : SourceReading.NonDicomToKeep();
        }
        catch (DicomFormatException e)
        {
            return SourceReading.Refused(InstanceProcessor.Refused(descriptor, AnonymizationDisposition.SetAside, $"not valid DICOM: {e.Message}"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or NotSupportedException)
        {
            return SourceReading.Refused(InstanceProcessor.Refused(descriptor, AnonymizationDisposition.SetAside, $"the file cannot be read ({e.GetType().Name})"));
        }
    }

    private static bool HasDicomPrefix(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            Span<byte> prefix = stackalloc byte[PreambleLength + 4];
            return stream.ReadAtLeast(prefix, prefix.Length, throwOnEndOfStream: false) == prefix.Length
                && prefix[PreambleLength..].SequenceEqual("DICM"u8);
        }
        catch (IOException)
        {
            return false;
        }
    }
}
