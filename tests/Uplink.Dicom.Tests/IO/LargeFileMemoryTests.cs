using System.Diagnostics;
using System.Security.Cryptography;
using Uplink.Dicom.Tests.Support;

namespace Uplink.Dicom.Tests.IO;

/// <summary>A 1 GB multi-frame clip, built on the fly, is read and rewritten in constant memory.</summary>
[Collection(nameof(MemoryMeasurementCollection))]
public sealed class LargeFileMemoryTests : IDisposable
{
    private const int Rows = 1024;
    private const int Columns = 1024;
    private const int Frames = 1024;
    private const long PixelBytes = (long)Rows * Columns * Frames;
    private const long MemoryBudget = 100L * 1024 * 1024;

    private readonly string _folder = Directory.CreateTempSubdirectory("uplink-dicom-1gb-").FullName;

    [Fact]
    public void OneGigabyteClip_ReadsAndRewritesWithWorkingSetGrowthWellUnder100MB()
    {
        var source = Path.Combine(_folder, "clip.dcm");
        var target = Path.Combine(_folder, "rewritten.dcm");
        var sourceHash = WriteClip(source);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var baseline = process.WorkingSet64;
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        using var sampler = new WorkingSetSampler();

        var file = DicomFile.Open(source);
        file.Save(target);
        var reread = DicomFile.Open(target);

        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        var growth = sampler.Stop() - baseline;
        TestContext.Current.TestOutputHelper?.WriteLine($"managed allocations {allocated / 1024} KiB, working set growth {growth / 1024} KiB");
        Assert.True(allocated < MemoryBudget / 4, $"allocated {allocated / 1048576} MB on the managed heap");
        Assert.True(growth < MemoryBudget / 2, $"working set grew by {growth / 1048576} MB");
        var pixels = Assert.IsType<DicomElement>(reread.Dataset[DicomTags.PixelData]);
        Assert.True(pixels.IsBulk);
        Assert.Equal(PixelBytes, pixels.Length);
        Assert.Equal(Frames, reread.Dataset.GetInt32(DicomTags.NumberOfFrames));
        using var rewritten = pixels.OpenValue();
        Assert.Equal(sourceHash, SHA256.HashData(rewritten));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static byte[] WriteClip(string path)
    {
        var body = new RawDicom()
            .Text(0x0008, 0x0016, "UI", "1.2.840.10008.5.1.4.1.1.3.1")
            .Text(0x0008, 0x0018, "UI", "2.25.1234567")
            .Text(0x0008, 0x0060, "CS", "US")
            .Text(0x0010, 0x0010, "PN", "Clip^Large")
            .UShort(0x0028, 0x0002, 1)
            .Text(0x0028, 0x0004, "CS", "MONOCHROME2")
            .Text(0x0028, 0x0008, "IS", Frames.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .UShort(0x0028, 0x0010, Rows)
            .UShort(0x0028, 0x0011, Columns)
            .UShort(0x0028, 0x0100, 8)
            .UShort(0x0028, 0x0101, 8)
            .UShort(0x0028, 0x0102, 7)
            .UShort(0x0028, 0x0103, 0)
            .Tag(0x7FE0, 0x0010).Raw("OB"u8).Raw([0, 0]).Raw(BitConverter.GetBytes((uint)PixelBytes))
            .ToArray();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using (var output = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20))
        {
            output.Write(RawDicom.Part10("1.2.840.10008.1.2.1", body));
            var frame = new byte[Rows * Columns];
            for (var f = 0; f < Frames; f++)
            {
                frame.AsSpan().Fill((byte)f);
                frame[f] = 0xA5;
                output.Write(frame);
                hash.AppendData(frame);
            }
        }

        return hash.GetHashAndReset();
    }

    /// <summary>Samples the process working set every 20 ms and keeps the highest value.</summary>
    private sealed class WorkingSetSampler : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task<long> _task;

        public WorkingSetSampler()
        {
            _task = Task.Run(async () =>
            {
                using var process = Process.GetCurrentProcess();
                long peak = 0;
                while (!_stop.IsCancellationRequested)
                {
                    process.Refresh();
                    peak = Math.Max(peak, process.WorkingSet64);
                    try
                    {
                        await Task.Delay(20, _stop.Token);
                    }
                    catch (OperationCanceledException)
                    {
                        break;
                    }
                }

                process.Refresh();
                return Math.Max(peak, process.WorkingSet64);
            });
        }

        public long Stop()
        {
            _stop.Cancel();
            return _task.GetAwaiter().GetResult();
        }

        public void Dispose()
        {
            _stop.Cancel();
            _stop.Dispose();
        }
    }
}
