using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Uplink.Core.Secrets;
using Uplink.Host.Demo;
using Uplink.Host.Tests.EndToEnd.Support;
using Uplink.Tricefy.Simulator.Faults;

namespace Uplink.Host.Tests.Hosting.Health;

/// <summary>
/// The admin listener of a real <c>uplink run</c>: <c>/health/live</c> and <c>/health/ready</c> answer without
/// credentials and with the status word only; <c>/health/detail</c> needs the admin key from setup.
/// </summary>
public sealed class HealthEndpointTests
{
    private static readonly string[] PlantedValues = [DemoPatient.Name, DemoPatient.Id, DemoPatient.Email, DemoPatient.Phone];

    [Fact]
    public async Task Ready_turns_unhealthy_while_the_only_output_is_down_and_healthy_again_after_while_live_stays_up()
    {
        var cancel = TestContext.Current.CancellationToken;
        using var host = new EndToEndSite(images: 2, frames: 2, workers: 1);
        host.SetPipeline("RetryBaseDelay", "00:00:00.200");
        host.SetPipeline("RetryMaxDelay", "00:00:00.500");
        host.Set("Health", "OutputDownAfter", "00:00:01");
        await using var tricefy = await DemoTricefy.StartAsync(host.Site, ShortRetries(), cancel);
        await host.StartAsync();
        using var admin = new HttpClient { BaseAddress = host.Site.AdminUrl };
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", SiteSecrets.ReadAdminKey(host.Site.DataDirectory));
        await WaitForAsync(admin, "/health/ready", HttpStatusCode.OK, cancel);

        tricefy.Simulator.Faults.Enqueue(FaultKind.ServiceUnavailable, count: 100_000);
        var (status, body) = await host.Client.ShareAsync("health-1", "exam-health", host.Exam.Select(i => i.ImageId), DemoPatient.Email, DemoPatient.Phone, cancel);
        Assert.Equal(HttpStatusCode.Accepted, status);
        var whileDown = await WaitForAsync(admin, "/health/ready", HttpStatusCode.ServiceUnavailable, cancel);
        var liveWhileDown = await admin.GetAsync(new Uri("/health/live", UriKind.Relative), cancel);
        var detailWhileDown = await DetailAsync(admin, host.Site.DataDirectory, cancel);

        tricefy.Simulator.Faults.Clear();
        var after = await WaitForAsync(admin, "/health/ready", HttpStatusCode.OK, cancel);
        var final = await host.Client.WaitForEndAsync(body.GetProperty("shareId").GetString()!, TimeSpan.FromSeconds(40), cancel);
        var detailAfter = await DetailAsync(admin, host.Site.DataDirectory, cancel);
        host.Process.Stop();

        Assert.Equal("Unhealthy", whileDown);
        Assert.Equal(HttpStatusCode.OK, liveWhileDown.StatusCode);
        Assert.Equal("Healthy", await liveWhileDown.Content.ReadAsStringAsync(cancel));
        Assert.Equal("Healthy", after);
        Assert.Equal("completed", final.GetProperty("status").GetString());

        var output = Assert.Single(detailWhileDown["outputs"]!.AsArray())!;
        Assert.Equal(DemoTricefy.PluginId, output["id"]!.GetValue<string>());
        Assert.True(output["down"]!.GetValue<bool>());
        Assert.NotNull(output["lastFailure"]);
        Assert.Equal("Unhealthy", detailWhileDown["checks"]!["outputs"]!["status"]!.GetValue<string>());
        Assert.True(detailWhileDown["oldestWaitingImageAgeSeconds"]!.GetValue<double>() > 0);
        var recovered = Assert.Single(detailAfter["outputs"]!.AsArray())!;
        Assert.False(recovered["down"]!.GetValue<bool>());
        Assert.NotNull(recovered["lastSuccess"]);
        foreach (var text in new[] { detailWhileDown.ToJsonString(), detailAfter.ToJsonString() })
        {
            Assert.All(PlantedValues, planted => Assert.DoesNotContain(planted, text, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Detailed_health_refuses_no_credential_a_wrong_one_and_the_ViewPoint_key_and_answers_the_admin_key()
    {
        var cancel = TestContext.Current.CancellationToken;
        using var host = new EndToEndSite(images: 1, frames: 1);
        await host.StartAsync();
        using var admin = new HttpClient { BaseAddress = host.Site.AdminUrl };
        await WaitForAsync(admin, "/health/live", HttpStatusCode.OK, cancel);

        var none = await admin.GetAsync(new Uri("/health/detail", UriKind.Relative), cancel);
        var wrong = await GetDetailAsync(admin, "Bearer", "not-the-admin-key-but-long-enough-to-look-real", cancel);
        var viewPoint = await GetDetailAsync(admin, "Bearer", host.Site.ApiKey, cancel);
        var basic = await GetDetailAsync(admin, "Basic", SiteSecrets.ReadAdminKey(host.Site.DataDirectory)!, cancel);
        var right = await GetDetailAsync(admin, "Bearer", SiteSecrets.ReadAdminKey(host.Site.DataDirectory)!, cancel);
        var ready = await admin.GetAsync(new Uri("/health/ready", UriKind.Relative), cancel);
        host.Process.Stop();

        Assert.All([none, wrong, viewPoint, basic], r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
        Assert.All([none, wrong, viewPoint, basic], r => Assert.Equal(0, r.Content.Headers.ContentLength ?? 0));
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        var detail = JsonNode.Parse(await right.Content.ReadAsStringAsync(cancel))!;
        Assert.Equal("Healthy", detail["status"]!.GetValue<string>());
        Assert.True(detail["dataFolder"]!["writable"]!.GetValue<bool>());
        Assert.True(detail["dataFolder"]!["freeBytes"]!.GetValue<long>() > 0);
        Assert.True(detail["store"]!["reachable"]!.GetValue<bool>());
        var plugins = detail["plugins"]!.AsArray().Select(p => p!["id"]!.GetValue<string>()).ToList();
        Assert.Contains(DemoSite.FolderOutput, plugins);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync(cancel));
    }

    private static JsonObject ShortRetries() => new()
    {
        ["MaxRetryAttempts"] = 1,
        ["RetryBaseDelay"] = "00:00:00.050",
        ["BreakDuration"] = "00:00:00.500",
        ["RequestTimeout"] = "00:00:10",
    };

    private static async Task<JsonNode> DetailAsync(HttpClient admin, string dataDirectory, CancellationToken cancel)
    {
        var response = await GetDetailAsync(admin, "Bearer", SiteSecrets.ReadAdminKey(dataDirectory)!, cancel);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(cancel))!;
    }

    private static async Task<HttpResponseMessage> GetDetailAsync(HttpClient admin, string scheme, string key, CancellationToken cancel)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/health/detail", UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue(scheme, key);
        return await admin.SendAsync(request, cancel);
    }

    /// <summary>Polls an endpoint until it answers <paramref name="expected"/>; returns the body it answered with.</summary>
    private static async Task<string> WaitForAsync(HttpClient admin, string path, HttpStatusCode expected, CancellationToken cancel)
    {
        var clock = Stopwatch.StartNew();
        var last = "no answer";
        while (clock.Elapsed < TimeSpan.FromSeconds(45))
        {
            try
            {
                using var response = await admin.GetAsync(new Uri(path, UriKind.Relative), cancel);
                var body = await response.Content.ReadAsStringAsync(cancel);
                if (response.StatusCode == expected)
                {
                    return body;
                }

                last = $"{(int)response.StatusCode} {body}";
            }
            catch (HttpRequestException ex)
            {
                last = ex.Message;
            }

            await Task.Delay(100, cancel);
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/health/detail", UriKind.Relative));
        request.Headers.Authorization = admin.DefaultRequestHeaders.Authorization;
        using var detail = await admin.SendAsync(request, cancel);
        throw new TimeoutException($"{path} never answered {(int)expected}; last: {last}; detail: {await detail.Content.ReadAsStringAsync(cancel)}");
    }
}
