using System.Net;
using System.Text;
using Uplink.Core.Secrets;
using Uplink.Host.Commands;
using Uplink.Host.Commands.Status;
using Uplink.Host.Demo;
using Uplink.Host.Tests.Commands;
using Uplink.Host.Tests.EndToEnd.Support;

namespace Uplink.Host.Tests.EndToEnd;

/// <summary>
/// After an end-to-end run (a share, a repeat, refused requests that carry the contact), neither any log
/// event (Serilog's file sink at Verbose, Microsoft's events included, and the console) nor any file
/// Uplink wrote outside the output holds the recipient's contact or the source patient's name or ID; nor does
/// <c>uplink status</c> (text or JSON) or the detailed health, which also hold no exam or image id.
/// </summary>
public sealed class PatientDataLeakTests
{
    private static readonly string[] Needles =
    [
        DemoPatient.Email, DemoPatient.Phone, DemoPatient.Phone.Replace(" ", string.Empty, StringComparison.Ordinal),
        DemoPatient.Name, "DOE^JANE", DemoPatient.Id,
    ];

    [Fact]
    public async Task No_log_event_and_no_file_outside_the_output_carries_the_contact_or_the_patient_identity()
    {
        using var host = new EndToEndSite(images: 2, frames: 6);
        await host.StartAsync();
        var ids = host.Exam.Select(i => i.ImageId).ToList();
        var ct = TestContext.Current.CancellationToken;
        var (_, body) = await host.Client.ShareAsync("leak-1", "exam-leak", ids, DemoPatient.Email, DemoPatient.Phone, ct);
        await host.Client.ShareAsync("leak-1", "exam-leak", ids, DemoPatient.Email, DemoPatient.Phone, ct);
        var (unknown, _) = await host.Client.ShareAsync("leak-2", "exam-leak", [.. ids, "MISSING-1"], DemoPatient.Email, DemoPatient.Phone, ct);
        var (invalid, _) = await host.Client.ShareAsync("leak-3", "exam-leak", ids, DemoPatient.Email, "phone " + DemoPatient.Phone, ct);
        var final = await host.Client.WaitForEndAsync(body.GetProperty("shareId").GetString()!, TimeSpan.FromSeconds(45), ct);
        var health = await DetailedHealthAsync(host, ct);
        var status = await StatusAsync(host, []) + await StatusAsync(host, ["--json"]);
        host.Process.Stop();

        Assert.Equal("completed", final.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown);
        Assert.Equal(HttpStatusCode.BadRequest, invalid);
        var logs = Directory.GetFiles(Path.Combine(host.Site.DataDirectory, "logs"));
        var logText = string.Concat(logs.Select(File.ReadAllText));
        Assert.Contains("completed: 2 images sent", logText, StringComparison.Ordinal);
        Assert.Contains("[VRB]", logText, StringComparison.Ordinal);
        Assert.DoesNotContain(Needles, n => string.Join('\n', host.Console).Contains(n, StringComparison.Ordinal));
        Assert.Contains("sent", status, StringComparison.Ordinal);
        Assert.Contains("Uplink.Output.Folder", health, StringComparison.Ordinal);
        foreach (var answer in new[] { status, health })
        {
            Assert.DoesNotContain([.. Needles, "exam-leak", ids[0]], n => answer.Contains(n, StringComparison.Ordinal));
        }

        var written = Directory.GetFiles(host.Site.Root, "*", SearchOption.AllDirectories)
            .Where(f => !f.StartsWith(host.Site.OutputDirectory + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                && !f.StartsWith(host.Site.ImageStore + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .ToList();
        Assert.Contains(written, f => f.EndsWith("uplink-shares.db", StringComparison.Ordinal));
        foreach (var file in written)
        {
            var bytes = await File.ReadAllBytesAsync(file, ct);
            foreach (var needle in Needles)
            {
                Assert.False(Contains(bytes, Encoding.UTF8.GetBytes(needle)) || Contains(bytes, Encoding.Unicode.GetBytes(needle)), $"{Path.GetRelativePath(host.Site.Root, file)} contains '{needle}'");
            }
        }
    }

    private static async Task<string> DetailedHealthAsync(EndToEndSite host, CancellationToken ct)
    {
        using var admin = new HttpClient { BaseAddress = host.Site.AdminUrl };
        admin.DefaultRequestHeaders.Authorization = new("Bearer", SiteSecrets.ReadAdminKey(host.Site.DataDirectory));
        using var response = await admin.GetAsync(new Uri("/health/detail", UriKind.Relative), ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(ct);
    }

    private static async Task<string> StatusAsync(EndToEndSite host, string[] args)
    {
        using var output = new StringWriter();
        var code = await new StatusCommand(new ConsoleOutput(output, output), TimeProvider.System)
            .RunAsync([.. args, "--config", host.Site.ConfigPath], TestContext.Current.CancellationToken);
        Assert.Equal(ExitCodes.Success, code);
        return output.ToString();
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
