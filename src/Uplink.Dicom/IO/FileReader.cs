using System.IO.Compression;
using System.Text;

namespace Uplink.Dicom.IO;

/// <summary>Reads a Part 10 file or a bare dataset: preamble, File Meta Information, transfer syntax, deflate, dataset.</summary>
internal static class FileReader
{
    private const int InflateInMemoryLimit = 32 * 1024 * 1024;

    /// <summary>A deflated dataset may inflate to at most this many bytes (a guard against deflate bombs).</summary>
    private const long MaxInflatedBytes = 8L * 1024 * 1024 * 1024;

    public static DicomFile Read(IByteSource source, DicomReadOptions options)
    {
        try
        {
            return ReadCore(source, options);
        }
        catch (Exception error) when (error is ArgumentException or InvalidOperationException or IndexOutOfRangeException
            or OverflowException or InvalidDataException or EndOfStreamException or DecoderFallbackException or FormatException)
        {
            throw new DicomFormatException($"The file could not be parsed: {error.Message}", -1, null, error);
        }
    }

    private static DicomFile ReadCore(IByteSource source, DicomReadOptions options)
    {
        var input = new BufferedSource(source, "the file");
        var meta = new DicomDataset();
        var hadPreamble = HasPreamble(input);
        input.Position = hadPreamble ? 132 : 0;
        var reader = new DatasetReader(input, options);
        reader.ReadGroup(meta, 0x0002, Syntax.ExplicitLittle);

        var transferSyntax = meta.GetString(DicomTags.TransferSyntaxUID) is { Length: > 0 } uid
            ? CheckedLookup(uid)
            : Guess(input);
        var dataset = new DicomDataset();
        if (!transferSyntax.IsDeflated)
        {
            reader.ReadToEnd(dataset, Syntax.Of(transferSyntax));
            PixelDataCheck.Run(dataset, reader.PixelDataOffset);
            return new DicomFile(meta, dataset, transferSyntax, hadPreamble);
        }

        using var inflated = Inflate(source, input.Position);
        var spooled = (inflated as FileByteSource)?.Path;
        try
        {
            var inflatedInput = new BufferedSource(inflated, "the inflated dataset");
            var inflatedReader = new DatasetReader(inflatedInput, options);
            inflatedReader.ReadToEnd(dataset, Syntax.ExplicitLittle);
            PixelDataCheck.Run(dataset, inflatedReader.PixelDataOffset);
        }
        catch when (spooled is not null)
        {
            inflated.Dispose();
            SpoolFiles.Delete(spooled);
            throw;
        }

        var file = new DicomFile(meta, dataset, transferSyntax, hadPreamble);
        if (spooled is not null)
        {
            file.Own(spooled);
        }

        return file;
    }

    private static DicomTransferSyntax CheckedLookup(string uid)
    {
        if (!DicomUid.IsValid(uid))
        {
            throw new DicomFormatException(
                $"Transfer Syntax UID (0002,0010) '{uid}' in the File Meta Information is not a valid UID.", 132, DicomTags.TransferSyntaxUID);
        }

        return DicomTransferSyntax.Lookup(uid);
    }

    private static bool HasPreamble(BufferedSource input)
    {
        input.Position = 128;
        if (!input.TryEnsure(6))
        {
            input.Position = 0;
            return false;
        }

        var marker = input.Peek(6);
        if (marker[0] != 'D' || marker[1] != 'I' || marker[2] != 'C' || marker[3] != 'M')
        {
            return false;
        }

        // 'DICM' followed by group 0002, or after an all-zero preamble; 'DICM' inside a bare dataset is neither.
        if (marker[4] == 0x02 && marker[5] == 0x00)
        {
            return true;
        }

        input.Position = 0;
        return input.TryEnsure(128) && !input.Peek(128).ContainsAnyExcept((byte)0);
    }

    private static DicomTransferSyntax Guess(BufferedSource input)
    {
        var start = input.Position;
        if (!input.TryEnsure(8))
        {
            throw new DicomFormatException($"Not DICOM: {input.Length - start} bytes at byte {start} are too few for a data element.", start, null);
        }

        var head = input.Peek(8);
        var littleGroup = (ushort)(head[0] | (head[1] << 8));
        var bigGroup = (ushort)((head[0] << 8) | head[1]);
        var explicitVR = VRInfo.TryParse(head[4], head[5], out _);
        if (littleGroup <= 0x0008)
        {
            return explicitVR ? DicomTransferSyntax.ExplicitVRLittleEndian : DicomTransferSyntax.ImplicitVRLittleEndian;
        }

        if (bigGroup <= 0x0008 && explicitVR)
        {
            return DicomTransferSyntax.ExplicitVRBigEndian;
        }

        var tag = new DicomTag(littleGroup, (ushort)(head[2] | (head[3] << 8)));
        throw new DicomFormatException(
            $"Not DICOM: no 'DICM' preamble and no File Meta Information, and the first tag {tag} at byte {start} does not start a dataset.",
            start,
            tag);
    }

    private static IByteSource Inflate(IByteSource source, long start)
    {
        using var compressed = new SourceStream(source, start);
        using var inflater = new DeflateStream(compressed, CompressionMode.Decompress);
        var memory = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = inflater.Read(buffer)) > 0)
        {
            memory.Write(buffer, 0, read);
            if (memory.Length > InflateInMemoryLimit)
            {
                return SpoolRest(memory, inflater, buffer);
            }
        }

        return new MemoryByteSource(memory.GetBuffer().AsMemory(0, (int)memory.Length));
    }

    private static FileByteSource SpoolRest(MemoryStream memory, DeflateStream inflater, byte[] buffer)
    {
        var path = SpoolFiles.Create();
        try
        {
            using (var file = new FileStream(path, FileMode.Create, FileAccess.Write))
            {
                memory.Position = 0;
                memory.CopyTo(file);
                int read;
                while ((read = inflater.Read(buffer)) > 0)
                {
                    file.Write(buffer, 0, read);
                    if (file.Length > MaxInflatedBytes)
                    {
                        throw new DicomFormatException(
                            $"The deflated dataset inflates to more than {MaxInflatedBytes} bytes; refusing it as a deflate bomb.", file.Length, null);
                    }
                }
            }

            return new FileByteSource(path);
        }
        catch
        {
            SpoolFiles.Delete(path);
            throw;
        }
    }
}
