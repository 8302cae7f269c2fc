using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Uplink.Core.Shares;
using Uplink.Core.Shares.Store;

namespace Uplink.Core.Tests.Shares.Store;

public sealed class StoreHealthReaderTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "uplink-tests", Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeMilliseconds(0));
    private readonly ShareDatabase _database;
    private readonly AttemptLog _attempts;
    private readonly StoreHealthReader _reader;

    public StoreHealthReaderTests()
    {
        _database = new ShareDatabase(Options.Create(new PipelineOptions { DataDirectory = _folder }));
        _attempts = new AttemptLog(_database, _time);
        _reader = new StoreHealthReader(_database);
    }

    public void Dispose()
    {
        _database.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void An_output_never_tried_has_no_history()
    {
        Assert.Equal(new OutputHistory("Out.A", null, null, null), _reader.Output("Out.A"));
    }

    [Fact]
    public void An_output_failing_since_its_last_success_is_failing_since_its_first_failure_after_it()
    {
        Record("Out.A", "retry", at: 1_000);
        Record("Out.A", "ok", at: 2_000);
        Record("Out.A", "retry", at: 3_000);
        Record("Out.A", "refused", at: 4_000);
        Record("Out.B", "ok", at: 5_000);

        Assert.Equal(new OutputHistory("Out.A", 2_000, 4_000, 3_000), _reader.Output("Out.A"));
        Assert.Equal(new OutputHistory("Out.B", 5_000, null, null), _reader.Output("Out.B"));
    }

    [Fact]
    public void An_output_that_succeeded_after_failing_is_not_failing()
    {
        Record("Out.A", "retry", at: 1_000);
        Record("Out.A", "ok", at: 2_000);

        Assert.Null(_reader.Output("Out.A").FailingSince);
    }

    [Fact]
    public void The_oldest_waiting_image_is_that_of_the_oldest_share_with_an_unfinished_image()
    {
        using (var connection = _database.Open())
        {
            ShareDatabase.Execute(connection, """
                INSERT INTO shares (share_id, request_id, exam_id, source_plugin_id, state, image_count, created_at) VALUES
                    ('done', 'r1', 'e1', 'p', 'completed', 1, 100), ('open', 'r2', 'e2', 'p', 'queued', 2, 200);
                INSERT INTO images (share_id, position, image_id, state) VALUES
                    ('done', 0, 'i0', 'sent'), ('open', 0, 'i1', 'sent'), ('open', 1, 'i2', 'anonymized');
                """);
        }

        Assert.Equal(200, _reader.OldestWaitingImageSince());
    }

    [Fact]
    public void No_waiting_image_has_no_age_and_the_store_answers_a_probe()
    {
        _reader.Probe();

        Assert.Null(_reader.OldestWaitingImageSince());
    }

    private void Record(string output, string outcome, long at)
    {
        _time.SetUtcNow(DateTimeOffset.FromUnixTimeMilliseconds(at));
        _attempts.Record("share", 0, "deliver", output, outcome, outcome == "ok" ? null : "down");
    }
}
