using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Uplink.Core.Secrets;
using Uplink.Core.Shares;
using Uplink.Core.Shares.Store;
using Uplink.Host.Commands;
using Uplink.Host.Commands.Status;
using Uplink.Host.Demo;

namespace Uplink.Host.Tests.Commands.Status;

public sealed class StatusCommandTests : IDisposable
{
    private const string PlantedExamId = "ACC-PLANTED-4711";
    private const long Now = 1_800_000_000_000;

    private readonly DemoSite _site = DemoSite.Create(Directory.CreateTempSubdirectory("uplink-status-").FullName);
    private readonly StringWriter _out = new();
    private readonly StringWriter _error = new();

    public void Dispose()
    {
        _out.Dispose();
        _error.Dispose();
        Directory.Delete(_site.Root, recursive: true);
    }

    [Fact]
    public async Task Before_the_first_share_it_shows_an_empty_queue_and_creates_no_store()
    {
        var code = await RunAsync();

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("queued        0", _out.ToString(), StringComparison.Ordinal);
        Assert.Contains("No image is set aside or failed.", _out.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_site.DataDirectory, ShareDatabase.FileName)));
    }

    [Fact]
    public async Task Text_shows_the_queue_by_state_and_age_the_last_hour_and_each_problem_with_its_reason_and_a_hashed_exam_id()
    {
        Seed();

        var code = await RunAsync();

        Assert.Equal(ExitCodes.Success, code);
        var text = _out.ToString();
        Assert.Contains("queued        1  2h 0m", text, StringComparison.Ordinal);
        Assert.Contains("sent          1", text, StringComparison.Ordinal);
        Assert.Contains("Last hour   1 share(s) received, 0 completed, 1 image(s) sent", text, StringComparison.Ordinal);
        Assert.Contains($"share new image 2  exam #{StatusHashes.ExamId(SiteSecrets.Load(_site.DataDirectory).UidKey, PlantedExamId)}  set-aside: the profile refused it: burned-in text", text, StringComparison.Ordinal);
        Assert.Contains("share old image 0", text, StringComparison.Ordinal);
        Assert.DoesNotContain(PlantedExamId, text, StringComparison.Ordinal);
        Assert.DoesNotContain("IMG-", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_carries_the_same_figures_without_the_exam_id_or_image_ids()
    {
        Seed();

        var code = await RunAsync("--json");

        Assert.Equal(ExitCodes.Success, code);
        using var json = JsonDocument.Parse(_out.ToString());
        var root = json.RootElement;
        Assert.Equal(1, root.GetProperty("images").GetProperty("queued").GetProperty("count").GetInt64());
        Assert.Equal(7200, root.GetProperty("images").GetProperty("queued").GetProperty("oldestAgeSeconds").GetDouble());
        Assert.Equal(1, root.GetProperty("lastHour").GetProperty("imagesSent").GetInt64());
        var problems = root.GetProperty("setAsideOrFailed").EnumerateArray().ToList();
        Assert.Equal(["set-aside", "failed"], problems.Select(p => p.GetProperty("state").GetString()));
        Assert.Equal(12, problems[0].GetProperty("examIdHash").GetString()!.Length);
        Assert.DoesNotContain(PlantedExamId, _out.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("IMG-", _out.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_configuration_it_says_so_and_exits_with_1()
    {
        var code = await new StatusCommand(new ConsoleOutput(_out, _error), new FakeTimeProvider())
            .RunAsync(["--config", Path.Combine(_site.Root, "missing.json")], TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.Failed, code);
        Assert.Contains("uplink status: ", _error.ToString(), StringComparison.Ordinal);
    }

    private void Seed()
    {
        using var database = new ShareDatabase(Options.Create(new PipelineOptions { DataDirectory = _site.DataDirectory }));
        using var connection = database.Open();
        var hoursAgo = (int h) => Now - (h * 3_600_000L);
        ShareDatabase.Execute(connection, $"""
            INSERT INTO shares (share_id, request_id, exam_id, source_plugin_id, state, image_count, created_at) VALUES
                ('old', 'r1', '{PlantedExamId}', 'p', 'failed', 1, {hoursAgo(3)}), ('new', 'r2', '{PlantedExamId}', 'p', 'queued', 3, {hoursAgo(2)}),
                ('recent', 'r3', 'ACC-OTHER', 'p', 'queued', 0, {Now - 60_000});
            INSERT INTO images (share_id, position, image_id, state, reason) VALUES
                ('old', 0, 'IMG-1', 'failed', 'output Uplink.Output.Tricefy is failing: 503'),
                ('new', 0, 'IMG-2', 'sent', NULL), ('new', 1, 'IMG-3', 'queued', NULL),
                ('new', 2, 'IMG-4', 'set-aside', 'the profile refused it: burned-in text');
            INSERT INTO attempts (share_id, position, stage, output_id, outcome, reason, at) VALUES
                ('old', 0, 'deliver', 'Uplink.Output.Tricefy', 'retry', '503', {hoursAgo(1) - 1}),
                ('new', 0, 'deliver', 'Uplink.Output.Tricefy', 'ok', NULL, {Now - 1_000}),
                ('new', 2, 'anonymize', NULL, 'set-aside', 'burned-in text', {Now - 500});
            """);
    }

    private Task<int> RunAsync(params string[] args)
    {
        var console = new ConsoleOutput(_out, _error);
        return new StatusCommand(console, new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(Now)))
            .RunAsync([.. args, "--config", _site.ConfigPath], TestContext.Current.CancellationToken, console);
    }
}
