using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Uplink.Core.Secrets;
using Uplink.Core.Shares;
using Uplink.Core.Shares.Administration;
using Uplink.Core.Shares.Pipeline;
using Uplink.Core.Shares.Store;
using Uplink.Host.Commands;
using Uplink.Host.Commands.Shares;
using Uplink.Host.Demo;

namespace Uplink.Host.Tests.Commands.Shares;

public sealed class SharesCommandTests : IDisposable
{
    private const string Old = "0000000000000000000000000000000a";
    private const string New = "0000000000000000000000000000000b";
    private const string PlantedExamId = "ACC-PLANTED-4711";
    private const string PlantedContact = "jane.planted@example.org";
    private const long Now = 1_800_000_000_000;

    private readonly DemoSite _site = DemoSite.Create(Directory.CreateTempSubdirectory("uplink-shares-").FullName);
    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeMilliseconds(Now));
    private readonly StringWriter _out = new();
    private readonly StringWriter _error = new();
    private readonly List<ShareDatabase> _databases = [];

    public void Dispose()
    {
        _databases.ForEach(d => d.Dispose());
        _out.Dispose();
        _error.Dispose();
        Directory.Delete(_site.Root, recursive: true);
    }

    [Fact]
    public async Task List_before_the_first_share_says_so_and_creates_no_store()
    {
        var code = await RunAsync(new SharesListCommand(Console, _time));

        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal("No share has been received.", _out.ToString().Trim());
        Assert.False(File.Exists(Path.Combine(_site.DataDirectory, ShareDatabase.FileName)));
    }

    [Fact]
    public async Task List_shows_the_newest_share_first_with_counts_by_state_and_a_hashed_exam_id_and_no_patient_value()
    {
        Seed();

        var code = await RunAsync(new SharesListCommand(Console, _time));

        Assert.Equal(ExitCodes.Success, code);
        var lines = _out.ToString().Trim().Split('\n');
        Assert.Equal(2, lines.Length);
        var hash = StatusHashes.ExamId(SiteSecrets.Load(_site.DataDirectory).UidKey, PlantedExamId);
        Assert.StartsWith($"2027-01-15T06:00:00Z  {New}  queued     exam #{hash}  3 image(s): queued 1, sent 1, set-aside 1", lines[0], StringComparison.Ordinal);
        Assert.Contains($"{Old}  failed     exam #{hash}  1 image(s): failed 1  (no image of the share could be sent)", lines[1], StringComparison.Ordinal);
        AssertNoPatientValue(_out.ToString());
    }

    [Fact]
    public async Task List_json_honours_the_limit()
    {
        Seed();

        var code = await RunAsync(new SharesListCommand(Console, _time), "--json", "--limit", "1");

        Assert.Equal(ExitCodes.Success, code);
        using var json = JsonDocument.Parse(_out.ToString());
        var share = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal(New, share.GetProperty("shareId").GetString());
        Assert.Equal(1, share.GetProperty("imagesByState").GetProperty("set-aside").GetInt32());
        AssertNoPatientValue(_out.ToString());
    }

    [Fact]
    public async Task A_limit_below_one_is_a_usage_error()
    {
        var code = await RunAsync(new SharesListCommand(Console, _time), "--limit", "0");

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("--limit must be 1 or more, not '0'.", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_prints_each_image_with_its_reason_deliveries_and_last_error()
    {
        Seed();

        var code = await RunAsync(new SharesShowCommand(Console, _time), New);

        Assert.Equal(ExitCodes.Success, code);
        var text = _out.ToString();
        Assert.Contains("image 0   sent       attempts 0  delivered to: Uplink.Output.Tricefy 2027-01-15T07:59:59Z", text, StringComparison.Ordinal);
        Assert.Contains("image 2   set-aside  attempts 0  delivered to: none", text, StringComparison.Ordinal);
        Assert.Contains("reason: the profile refused it: burned-in text", text, StringComparison.Ordinal);
        Assert.Contains("last error: 2027-01-15T07:59:59Z anonymize set-aside: burned-in text", text, StringComparison.Ordinal);
        AssertNoPatientValue(text);
    }

    [Fact]
    public async Task Show_json_carries_the_images_and_an_unknown_share_exits_with_1()
    {
        Seed();

        Assert.Equal(ExitCodes.Success, await RunAsync(new SharesShowCommand(Console, _time), New, "--json"));
        using var json = JsonDocument.Parse(_out.ToString());
        Assert.Equal(["sent", "queued", "set-aside"], json.RootElement.GetProperty("images").EnumerateArray().Select(i => i.GetProperty("state").GetString()));
        AssertNoPatientValue(_out.ToString());

        Assert.Equal(ExitCodes.Failed, await RunAsync(new SharesShowCommand(Console, _time), "ffffffffffffffffffffffffffffffff"));
        Assert.Contains("uplink shares show: there is no share with that id", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retry_of_a_failed_image_queues_it_reopens_its_share_and_records_the_os_user()
    {
        Seed();

        var code = await RunAsync(new SharesRetryCommand(Console, _time), Old, "--image", "0");

        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal($"Image 0 of share {Old} is queued again.", _out.ToString().Trim());
        var detail = Administration().ShowShare(Old)!;
        Assert.Equal(("queued", "queued"), (detail.Share.State, detail.Images[0].State));
        var entry = Assert.Single(Administration().ReadAudit(10));
        Assert.Equal(($"cli:{Environment.UserName}", "retry-image", Old, (int?)0, "done"), (entry.Actor, entry.Action, entry.ShareId, entry.Position, entry.Outcome));
    }

    [Fact]
    public async Task Retry_without_an_image_queues_every_failed_or_set_aside_image_of_the_share()
    {
        Seed();

        var code = await RunAsync(new SharesRetryCommand(Console, _time), New);

        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal($"1 image(s) of share {New} are queued again.", _out.ToString().Trim());
        Assert.Equal("queued", Administration().ShowShare(New)!.Images[2].State);
    }

    [Fact]
    public async Task A_refused_retry_says_why_and_exits_with_1()
    {
        Seed();

        var code = await RunAsync(new SharesRetryCommand(Console, _time), New, "--image", "0");

        Assert.Equal(ExitCodes.Failed, code);
        Assert.Equal($"uplink shares retry: image 0 of share {New} is sent; only failed or set-aside images can be retried", _error.ToString().Trim());
        Assert.Equal("refused", Assert.Single(Administration().ReadAudit(10)).Outcome);
    }

    [Fact]
    public async Task Discard_needs_an_image_and_discards_a_set_aside_one()
    {
        Seed();

        Assert.Equal(ExitCodes.Usage, await RunAsync(new SharesDiscardCommand(Console, _time), New));
        Assert.Equal(ExitCodes.Success, await RunAsync(new SharesDiscardCommand(Console, _time), New, "--image", "2"));

        Assert.Equal($"Image 2 of share {New} is discarded.", _out.ToString().Trim());
        Assert.Equal("discarded", Administration().ShowShare(New)!.Images[2].State);
    }

    [Fact]
    public async Task Retry_before_the_first_share_or_without_a_configuration_exits_with_1()
    {
        Assert.Equal(ExitCodes.Failed, await RunAsync(new SharesRetryCommand(Console, _time), Old));
        Assert.Contains("no share has been received yet", _error.ToString(), StringComparison.Ordinal);

        var code = await new SharesRetryCommand(Console, _time)
            .RunAsync([Old, "--config", Path.Combine(_site.Root, "missing.json")], TestContext.Current.CancellationToken, Console);
        Assert.Equal(ExitCodes.Failed, code);
        Assert.Contains("uplink shares retry: ", _error.ToString(), StringComparison.Ordinal);
    }

    private ConsoleOutput Console => new(_out, _error);

    private static void AssertNoPatientValue(string text)
    {
        Assert.DoesNotContain(PlantedExamId, text, StringComparison.Ordinal);
        Assert.DoesNotContain(PlantedContact, text, StringComparison.Ordinal);
        Assert.DoesNotContain("IMG-", text, StringComparison.Ordinal);
    }

    private ShareAdministration Administration()
    {
        var options = Options.Create(new PipelineOptions { DataDirectory = _site.DataDirectory });
        var database = new ShareDatabase(options);
        _databases.Add(database);
        return new ShareAdministration(database, new ShareSpool(options), new PipelineSignal(_time), _time, options);
    }

    private void Seed()
    {
        using var database = new ShareDatabase(Options.Create(new PipelineOptions { DataDirectory = _site.DataDirectory }));
        using var connection = database.Open();
        var hoursAgo = (int h) => Now - (h * 3_600_000L);
        ShareDatabase.Execute(connection, $"""
            INSERT INTO shares (share_id, request_id, exam_id, source_plugin_id, recipient, state, reason, image_count, created_at, completed_at) VALUES
                ('{Old}', 'r1', '{PlantedExamId}', 'p', CAST('{PlantedContact}' AS BLOB), 'failed', 'no image of the share could be sent', 1, {hoursAgo(3)}, {hoursAgo(3)}),
                ('{New}', 'r2', '{PlantedExamId}', 'p', CAST('{PlantedContact}' AS BLOB), 'queued', NULL, 3, {hoursAgo(2)}, NULL);
            INSERT INTO images (share_id, position, image_id, state, reason, attempt) VALUES
                ('{Old}', 0, 'IMG-1', 'failed', 'output Uplink.Output.Tricefy is failing: 503', 5),
                ('{New}', 0, 'IMG-2', 'sent', NULL, 0), ('{New}', 1, 'IMG-3', 'queued', NULL, 0),
                ('{New}', 2, 'IMG-4', 'set-aside', 'the profile refused it: burned-in text', 0);
            INSERT INTO deliveries (share_id, position, output_id, idempotency_key, delivered_at) VALUES
                ('{New}', 0, 'Uplink.Output.Tricefy', 'k', {Now - 1_000});
            INSERT INTO attempts (share_id, position, stage, output_id, outcome, reason, at) VALUES
                ('{Old}', 0, 'deliver', 'Uplink.Output.Tricefy', 'failed', '503', {hoursAgo(1)}),
                ('{New}', 0, 'deliver', 'Uplink.Output.Tricefy', 'ok', NULL, {Now - 1_000}),
                ('{New}', 2, 'anonymize', NULL, 'set-aside', 'burned-in text', {Now - 1_000});
            """);
    }

    private Task<int> RunAsync(ICommand command, params string[] args) =>
        command.RunAsync([.. args, "--config", _site.ConfigPath], TestContext.Current.CancellationToken, Console);
}
