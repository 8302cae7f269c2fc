using System.Diagnostics;
using System.Net;
using Microsoft.Data.Sqlite;
using Uplink.Core.Shares.Store;
using Uplink.Dicom;
using Uplink.Host.Demo;
using Uplink.Host.Tests.EndToEnd.Support;

namespace Uplink.Host.Tests.EndToEnd;

/// <summary>
/// <c>kill -9</c> the host process at several points of a share and start it again: the accepted share
/// completes, every image arrives exactly once at the output (one file per instance, the same SOP
/// Instance UIDs however often an image was re-anonymized), and nothing is left half-written.
/// </summary>
public sealed class CrashRestartTests
{
    private const int Images = 8;

    [Fact]
    public async Task Killing_the_host_mid_share_and_restarting_it_completes_everything_without_duplicates()
    {
        using var host = new EndToEndSite(images: Images, frames: 80, workers: 1);
        await host.StartAsync();
        var ids = host.Exam.Select(i => i.ImageId).ToList();
        var (status, body) = await host.Client.ShareAsync("crash-1", "exam-crash", ids, DemoPatient.Email, DemoPatient.Phone, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Accepted, status);
        var shareId = body.GetProperty("shareId").GetString()!;

        host.Process.Kill();
        var killedAt = new List<int> { InstanceFiles(host).Length };
        foreach (var threshold in new[] { 1, 3, 6 })
        {
            // The workers start before the API listens: watch the output from the moment the process starts.
            await host.StartAsync(waitForApi: false);
            await WaitForOutputsAsync(host, threshold);
            host.Process.Kill();
            killedAt.Add(InstanceFiles(host).Length);
        }

        await host.StartAsync();
        var (again, repeat) = await host.Client.ShareAsync("crash-1", "exam-crash", ids, DemoPatient.Email, DemoPatient.Phone, TestContext.Current.CancellationToken);
        var final = await host.Client.WaitForEndAsync(shareId, TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        host.Process.Stop();

        Assert.Equal(HttpStatusCode.Accepted, again);
        Assert.Equal(shareId, repeat.GetProperty("shareId").GetString());
        Assert.Equal("completed", final.GetProperty("status").GetString());
        TestContext.Current.SendDiagnosticMessage($"instances in the output at each kill: {string.Join(", ", killedAt)} of {Images}");
        Assert.True(killedAt.Count(n => n is > 0 and < Images) >= 2, $"the host must be killed mid-share at least twice; outputs at each kill: {string.Join(", ", killedAt)}");
        var files = InstanceFiles(host);
        Assert.Equal(Images, files.Length);
        var sops = files.Select(f => DicomFile.Open(f).Dataset.GetString(DicomTags.SOPInstanceUID)).ToHashSet();
        Assert.Equal(Images, sops.Count);
        Assert.Equal(sops.Order(), RecordedSops(host, shareId).Order());
        Assert.Equal(Images, DeliveryRows(host, shareId));
    }

    private static string[] InstanceFiles(EndToEndSite host) =>
        [.. host.OutputFiles().Where(f => f.EndsWith(".dcm", StringComparison.Ordinal))];

    private static async Task WaitForOutputsAsync(EndToEndSite host, int count)
    {
        var clock = Stopwatch.StartNew();
        while (InstanceFiles(host).Length < count && clock.Elapsed < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(2, TestContext.Current.CancellationToken);
        }
    }

    private static List<string> RecordedSops(EndToEndSite host, string shareId) =>
        Query(host, "SELECT sop_instance_uid FROM images WHERE share_id = @id", shareId);

    private static int DeliveryRows(EndToEndSite host, string shareId) =>
        Query(host, "SELECT output_id FROM deliveries WHERE share_id = @id", shareId).Count;

    private static List<string> Query(EndToEndSite host, string sql, string shareId)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(host.Site.DataDirectory, ShareDatabase.FileName)};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("@id", shareId);
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}
