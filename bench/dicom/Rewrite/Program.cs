using System.Globalization;
using Uplink.Dicom;

namespace Uplink.Bench.Dicom;

/// <summary>Bench entry: <c>IN OUT</c> rewrites one file; <c>--batch INDIR OUTDIR</c> rewrites every file of a folder
/// in one process; <c>--make-clip OUT FRAMES</c> writes a 1 MiB-per-frame multi-frame clip.</summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        switch (args)
        {
            case ["--batch", var input, var output]:
                foreach (var path in Directory.EnumerateFiles(input))
                {
                    DicomFile.Open(path).Save(Path.Combine(output, Path.GetFileName(path)));
                }

                return 0;
            case ["--make-clip", var output, var frames]:
                ClipWriter.Write(output, int.Parse(frames, CultureInfo.InvariantCulture));
                return 0;
            case [var input, var output]:
                DicomFile.Open(input).Save(output);
                return 0;
            default:
                Console.Error.WriteLine("usage: uplink-dicom-rewrite IN OUT | --batch INDIR OUTDIR | --make-clip OUT FRAMES");
                return 2;
        }
    }
}
