using CsCheck;
using Uplink.Dicom.Tests.Support;

namespace Uplink.Dicom.Tests.IO;

/// <summary>Randomly mutated and truncated files: the only outcomes are a good parse or a DicomFormatException.</summary>
public sealed class MutationFuzzTests
{
    private static readonly string[] Seeds =
    [
        "structure/private_sq_empty_items.dcm",
        "structure/encapsulated_stl.dcm",
        "charset/iso2022_ir58_gb2312.dcm",
        "charset/iso2022_ir100_cr.dcm",
        "transfer-syntax/deflated_explicit_vr_le_with_sq.dcm",
        "structure/sr_deflated.dcm",
        "structure/odd_length_ob_pixel_data.dcm",
        "structure/private_creator_un_utf8.dcm",
        "malformed/rows_columns_65535_no_pixel_data.dcm",
        "charset/dicomdir_multi_charset_iso2022.dcm",
        "nondicom/acr_nema_no_meta_mr_ivrle.dcm",
        "malformed/implicit_sequence_in_un.dcm",
    ];

    [Fact]
    public void MutatedOrTruncatedFiles_ParseOrThrowDicomFormatExceptionOnly()
    {
        var folder = Corpus.RequireFolder();
        var seeds = Seeds.Select(s => File.ReadAllBytes(Path.Combine(folder, s))).ToArray();
        var mutation = Gen.Select(Gen.Int[0, 3], Gen.Int[0, int.MaxValue], Gen.Byte, Gen.Int[1, 8]);
        var gen = Gen.Select(Gen.Int[0, seeds.Length - 1], mutation.Array[1, 6], Gen.Int[0, 100]);

        gen.Sample((seed, mutations, keepPercent) =>
        {
            var bytes = Mutate(seeds[seed], mutations, keepPercent);
            try
            {
                var file = DicomFile.Read(new MemoryStream(bytes));
                file.WriteTo(Stream.Null);
            }
            catch (DicomFormatException error)
            {
                Assert.False(string.IsNullOrWhiteSpace(error.Message));
            }
        }, iter: 3000);
    }

    [Fact]
    public void RandomBytes_AfterAValidPreamble_ParseOrThrowDicomFormatExceptionOnly()
    {
        Gen.Byte.Array[0, 600].Sample(tail =>
        {
            byte[] bytes = [.. new byte[128], .. "DICM"u8, 0x02, 0x00, 0x10, 0x00, (byte)'U', (byte)'I', 0x14, 0x00,
                .. "1.2.840.10008.1.2.1\0"u8, .. tail];
            try
            {
                DicomFile.Read(new MemoryStream(bytes)).WriteTo(Stream.Null);
            }
            catch (DicomFormatException)
            {
                // The expected outcome for most random tails.
            }
        }, iter: 3000);
    }

    private static byte[] Mutate(byte[] source, (int Kind, int Position, byte Value, int Count)[] mutations, int keepPercent)
    {
        var bytes = source.ToList();
        foreach (var (kind, position, value, count) in mutations)
        {
            var at = position % Math.Max(1, bytes.Count);
            switch (kind)
            {
                case 0:
                    if (bytes.Count > 0)
                    {
                        bytes[at] = value;
                    }

                    break;
                case 1:
                    bytes.InsertRange(at, Enumerable.Repeat(value, count));
                    break;
                case 2:
                    bytes.RemoveRange(at, Math.Min(count, bytes.Count - at));
                    break;
                default:
                    for (var i = 0; i < 4 && at + i < bytes.Count; i++)
                    {
                        bytes[at + i] = 0xFF;
                    }

                    break;
            }
        }

        var keep = keepPercent >= 50 ? bytes.Count : bytes.Count * keepPercent / 50;
        return [.. bytes.Take(keep)];
    }
}
