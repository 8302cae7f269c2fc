using Uplink.Dicom.IO;

namespace Uplink.Dicom;

/// <summary>
/// A DICOM Part 10 file (or a bare dataset read as one): File Meta Information and dataset. Disposing it deletes
/// the temporary files it made (an inflated deflated dataset, a spooled stream, the original moved aside by
/// <see cref="Save"/>); bulk values read from them, in this dataset or in a clone of it, cannot be read after that.
/// </summary>
public sealed class DicomFile : IDisposable
{
    private const int InMemoryStreamLimit = 16 * 1024 * 1024;
    private readonly List<string> _temporaryFiles = [];

    /// <summary>A new file for a dataset.</summary>
    /// <param name="dataset">The dataset.</param>
    /// <param name="transferSyntax">The transfer syntax to write: an encapsulated one is kept, anything else is written as Explicit VR Little Endian.</param>
    public DicomFile(DicomDataset dataset, DicomTransferSyntax transferSyntax)
        : this(new DicomDataset(), dataset, transferSyntax, false)
    {
    }

    internal DicomFile(DicomDataset fileMetaInformation, DicomDataset dataset, DicomTransferSyntax transferSyntax, bool hadPreamble)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(transferSyntax);
        FileMetaInformation = fileMetaInformation;
        Dataset = dataset;
        TransferSyntax = transferSyntax;
        HadPreamble = hadPreamble;
    }

    /// <summary>The File Meta Information (group 0002) as read; rebuilt on write.</summary>
    public DicomDataset FileMetaInformation { get; }

    /// <summary>The dataset.</summary>
    public DicomDataset Dataset { get; }

    /// <summary>The transfer syntax the dataset was read in (or is to be written in).</summary>
    public DicomTransferSyntax TransferSyntax { get; }

    /// <summary>True when the file started with the 128-byte preamble and <c>DICM</c>.</summary>
    public bool HadPreamble { get; }

    /// <summary>The transfer syntax <see cref="Save"/> and <see cref="WriteTo"/> use.</summary>
    public DicomTransferSyntax OutputTransferSyntax
        => TransferSyntax.IsEncapsulated ? TransferSyntax : DicomTransferSyntax.ExplicitVRLittleEndian;

    /// <summary>Reads a file. Values above <see cref="DicomReadOptions.BulkDataThreshold"/> stay on disk and are read
    /// from the file when written, so the file must stay in place while this object is used.</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">How to read; null for the defaults.</param>
    /// <returns>The file.</returns>
    /// <exception cref="DicomFormatException">The bytes are not DICOM Uplink can read.</exception>
    public static DicomFile Open(string path, DicomReadOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var source = new FileByteSource(path);
        return FileReader.Read(source, options ?? DicomReadOptions.Default);
    }

    /// <summary>Reads a file from a stream, from its current position. A file stream is read through its path;
    /// small seekable streams are read into memory; anything else is spooled to a temporary file so bulk data still streams.</summary>
    /// <param name="stream">The stream.</param>
    /// <param name="options">How to read; null for the defaults.</param>
    /// <returns>The file.</returns>
    /// <exception cref="DicomFormatException">The bytes are not DICOM Uplink can read.</exception>
    public static DicomFile Read(Stream stream, DicomReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options ??= DicomReadOptions.Default;
        if (stream is FileStream { CanSeek: true, Position: 0 } file && File.Exists(file.Name))
        {
            return Open(file.Name, options);
        }

        if (stream.CanSeek && stream.Length - stream.Position <= InMemoryStreamLimit)
        {
            var memory = new MemoryStream();
            stream.CopyTo(memory);
            using var source = new MemoryByteSource(memory.GetBuffer().AsMemory(0, (int)memory.Length));
            return FileReader.Read(source, options);
        }

        var path = SpoolFiles.Create();
        try
        {
            using (var spool = new FileStream(path, FileMode.Create, FileAccess.Write))
            {
                stream.CopyTo(spool, 1024 * 1024);
            }

            var spooled = Open(path, options);
            spooled.Own(path);
            return spooled;
        }
        catch
        {
            SpoolFiles.Delete(path);
            throw;
        }
    }

    /// <summary>Deletes the temporary files this object made.</summary>
    public void Dispose()
    {
        _temporaryFiles.ForEach(SpoolFiles.Delete);
        _temporaryFiles.Clear();
    }

    /// <summary>The temporary files this object made and deletes when disposed.</summary>
    internal IReadOnlyList<string> TemporaryFiles => _temporaryFiles;

    /// <summary>Takes a temporary file over: it is deleted when this object is disposed.</summary>
    internal void Own(string path) => _temporaryFiles.Add(path);

    /// <summary>Writes the file (preamble, rebuilt File Meta, dataset) to a path, through a temporary file in the same folder
    /// that replaces the target only when complete.</summary>
    /// <remarks>Saving over the file this object was read from is safe: the original is moved to a temporary spool
    /// file (deleted when the process exits) and this object's bulk values keep reading from it.</remarks>
    /// <param name="path">Where to write.</param>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var output = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1))
            {
                WriteTo(output);
            }

            // Bulk values read from the file being replaced follow it to a spool file, so this object stays usable.
            var readFromTarget = BulkSources.Of(Dataset)
                .Where(source => string.Equals(Path.GetFullPath(source.Path), full, StringComparison.Ordinal)).ToList();
            if (readFromTarget.Count > 0)
            {
                var aside = SpoolFiles.Create();
                File.Move(full, aside, overwrite: true);
                Own(aside);
                readFromTarget.ForEach(source => source.Path = aside);
            }

            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>Writes the file: 128-byte preamble, <c>DICM</c>, rebuilt File Meta Information, then the dataset in
    /// <see cref="OutputTransferSyntax"/>, even value lengths, sequences of undefined length, bulk values streamed.</summary>
    /// <param name="output">Where to write.</param>
    public void WriteTo(Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var transferSyntax = OutputTransferSyntax;
        var writer = new DicomWriter(output);
        writer.WriteRaw(new byte[128]);
        writer.WriteRaw("DICM"u8);
        var meta = FileMetaBuilder.Build(FileMetaInformation, Dataset, transferSyntax);
        writer.WriteDataset(meta, keepGroupLengths: true);
        writer.WriteDataset(Dataset);
        writer.Flush();
        output.Flush();
    }
}
