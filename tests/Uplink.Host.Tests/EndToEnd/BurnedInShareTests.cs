using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Uplink.Core.Anonymization.Pixels;
using Uplink.Core.Shares.Store;
using Uplink.Dicom;
using Uplink.Host.Demo;
using Uplink.Host.Tests.Commands.Anonymize;
using Uplink.Host.Tests.EndToEnd.Support;
using Uplink.Tests.Shared.Imaging;

namespace Uplink.Host.Tests.EndToEnd;

/// <summary>
/// Issue 9 through the whole service: ViewPoint shares images with burned-in identity over the real API to a running
/// <c>uplink run</c> with the Tricefy output; what the Tricefy simulator receives is byte for byte a file whose SHA-256
/// the host recorded when it verified it, a clip over Tricefy's 10 MB arrives as verified parts, and the OCR oracle
/// reads no planted identity in what arrived.
/// </summary>
public sealed class BurnedInShareTests
{
    private const long TricefyLimit = 10L * 1000 * 1000;

    [Fact]
    public async Task Burned_in_images_arrive_as_the_bytes_verified_clean_and_a_large_clip_in_parts()
    {
        var cancel = TestContext.Current.CancellationToken;
        using var host = new EndToEndSite(images: 1, frames: 1, workers: 1);
        BurnedInExam.Write(Path.Combine(host.Site.ImageStore, "BURN-JPEG.dcm"), BurnedInExam.Encoding.Jpeg422, BurnedInExam.Area.Regions, 2);
        BurnedInExam.Write(Path.Combine(host.Site.ImageStore, "BURN-CLIP.dcm"), BurnedInExam.Encoding.NativeRgb, BurnedInExam.Area.DeviceRuleOnly, 6);
        await using var tricefy = await DemoTricefy.StartAsync(host.Site, cancellationToken: cancel);
        await host.StartAsync();

        var (status, body) = await host.Client.ShareAsync("burned-in-1", "exam-burned-in", ["BURN-JPEG", "BURN-CLIP"], DemoPatient.Email, DemoPatient.Phone, cancel);
        Assert.Equal(HttpStatusCode.Accepted, status);
        var final = await host.Client.WaitForEndAsync(body.GetProperty("shareId").GetString()!, TimeSpan.FromSeconds(90), cancel);
        host.Process.Stop();

        Assert.Equal("completed", final.GetProperty("status").GetString());
        Assert.All(final.GetProperty("images").EnumerateArray(), i => Assert.Equal("sent", i.GetProperty("status").GetString()));
        var received = tricefy.Simulator.Received.Instances;
        var recorded = RecordedSha256(host.Site.DataDirectory);
        Assert.Equal(recorded.Count, received.Count);
        Assert.All(received, r => Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(r.StoredPath))), recorded));
        Assert.All(received, r => Assert.True(r.Length <= TricefyLimit, $"{r.StoredPath} has {r.Length} bytes"));

        var files = received.Select(r => DicomFile.Open(r.StoredPath)).ToList();
        var parts = files.Where(f => f.TransferSyntax == DicomTransferSyntax.ExplicitVRLittleEndian).ToList();
        Assert.True(parts.Count >= 2, "the 13 MB clip must arrive in parts");
        Assert.Equal(6, parts.Sum(p => p.Dataset.GetInt32(DicomTags.NumberOfFrames) ?? 1));
        Assert.All(files, f => Assert.Equal("NO", f.Dataset.GetString(DicomTags.BurnedInAnnotation)));

        if (TesseractOracle.AbsentReason is { } absent)
        {
            Assert.Skip(absent);
        }

        foreach (var file in files)
        {
            var png = Path.Combine(host.Site.Root, $"{Guid.NewGuid():N}.png");
            FramePicture.Render(file, 0).SavePng(png);
            var text = TesseractOracle.Squeeze(TesseractOracle.Read(png));
            Assert.All(BurnedInExam.PlantedWords, w => Assert.DoesNotContain(w, text, StringComparison.Ordinal));
        }
    }

    private static HashSet<string> RecordedSha256(string dataDirectory)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(dataDirectory, ShareDatabase.FileName)};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT sent_files FROM deliveries WHERE sent_files IS NOT NULL";
        using var reader = command.ExecuteReader();
        var hashes = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            foreach (var file in JsonDocument.Parse(reader.GetString(0)).RootElement.EnumerateArray())
            {
                hashes.Add(file.GetProperty("sha256").GetString()!);
            }
        }

        return hashes;
    }
}
