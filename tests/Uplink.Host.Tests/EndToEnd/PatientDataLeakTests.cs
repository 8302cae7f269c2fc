using System.Net;
using System.Text;
using Uplink.Core.Secrets;
using Uplink.Host.Commands;
using Uplink.Host.Commands.Shares;
using Uplink.Host.Commands.Status;
using Uplink.Host.Demo;
using Uplink.Host.Tests.Commands;
using Uplink.Host.Tests.EndToEnd.Support;

namespace Uplink.Host.Tests.EndToEnd;

/// <summary>
/// After an end-to-end run (a share, a repeat, refused requests that carry the contact), neither any log
/// event (Serilog's file sink at Verbose, Microsoft's events included, and the console) nor any file
/// Uplink wrote outside the output holds the recipient's contact or the source patient's name or ID; nor does
/// <c>uplink status</c> (text or JSON), <c>uplink shares list|show</c>, the admin page or the detailed health, which
/// also hold no exam or image id; an admin action's audit entry is in the store, which is scanned with every file.
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
        var shareId = body.GetProperty("shareId").GetString()!;
        var health = await DetailedHealthAsync(host, ct);
        await RunAsync(host, new StatusCommand(ConsoleOf(out var statusText), TimeProvider.System), []);
        await RunAsync(host, new StatusCommand(ConsoleOf(out var statusJson), TimeProvider.System), ["--json"]);
        var status = $"{statusText}{statusJson}";
        var shares = await SharesAnswersAsync(host, shareId);
        var page = await AdminPageAsync(host, shareId, ct);
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
        Assert.Contains(shareId, shares, StringComparison.Ordinal);
        Assert.Contains("Overview", page, StringComparison.Ordinal);
        Assert.Contains(shareId, page, StringComparison.Ordinal);
        foreach (var answer in new[] { status, health, shares, page })
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

    // The verbs an admin reads shares with, and one admin action (refused, exit 1: the share is completed) for the audit log.
    private static async Task<string> SharesAnswersAsync(EndToEndSite host, string shareId)
    {
        var answers = new StringBuilder();
        foreach (var (create, args, exitCode) in new (Func<ConsoleOutput, ICommand> Create, string[] Args, int ExitCode)[]
        {
            (c => new SharesListCommand(c, TimeProvider.System), ["--json"], ExitCodes.Success),
            (c => new SharesListCommand(c, TimeProvider.System), [], ExitCodes.Success),
            (c => new SharesShowCommand(c, TimeProvider.System), [shareId, "--json"], ExitCodes.Success),
            (c => new SharesShowCommand(c, TimeProvider.System), [shareId], ExitCodes.Success),
            (c => new SharesRetryCommand(c, TimeProvider.System), [shareId], 1),
        })
        {
            await RunAsync(host, create(ConsoleOf(out var written)), args, exitCode);
            answers.Append(written);
        }

        return answers.ToString();
    }

    // Signs in to the admin page with the admin key and reads the overview and the share's page.
    private static async Task<string> AdminPageAsync(EndToEndSite host, string shareId, CancellationToken ct)
    {
        using var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = true };
        using var admin = new HttpClient(handler) { BaseAddress = host.Site.AdminUrl };
        using var signIn = await admin.PostAsync(
            new Uri("/admin/sign-in", UriKind.Relative),
            new FormUrlEncodedContent([new("key", SiteSecrets.ReadAdminKey(host.Site.DataDirectory)!)]),
            ct);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        var overview = await signIn.Content.ReadAsStringAsync(ct);
        var share = await admin.GetStringAsync(new Uri($"/admin/shares/{shareId}", UriKind.Relative), ct);
        return overview + share;
    }

    private static ConsoleOutput ConsoleOf(out StringWriter written)
    {
        written = new StringWriter();
        return new ConsoleOutput(written, written);
    }

    private static async Task RunAsync(EndToEndSite host, ICommand command, string[] args, int exitCode = ExitCodes.Success) =>
        Assert.Equal(exitCode, await command.RunAsync([.. args, "--config", host.Site.ConfigPath], TestContext.Current.CancellationToken));

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
