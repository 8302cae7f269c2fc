using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Uplink.Core.Shares;
using Uplink.Core.Shares.Store;

namespace Uplink.Core.Tests.Shares.Store;

public sealed class ShareDatabaseTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "uplink-tests", Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Open_adds_the_columns_a_store_from_an_earlier_version_lacks_and_keeps_its_rows()
    {
        Directory.CreateDirectory(_folder);
        var path = Path.Combine(_folder, ShareDatabase.FileName);
        using (var old = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            old.Open();
            var earlierSchema = System.Text.RegularExpressions.Regex.Replace(ShareSchema.Create, @"^\s*(media_type|sent_files)\s+TEXT NULL,\r?\n", string.Empty, System.Text.RegularExpressions.RegexOptions.Multiline);
            Assert.DoesNotContain("media_type", earlierSchema, StringComparison.Ordinal);
            Assert.DoesNotContain("sent_files", earlierSchema, StringComparison.Ordinal);
            ShareDatabase.Execute(old, earlierSchema);
            ShareDatabase.Execute(old, "INSERT INTO shares (share_id, request_id, exam_id, source_plugin_id, state, image_count, created_at) VALUES ('s', 'r', 'e', 'p', 'queued', 0, 0)");
        }

        using var database = new ShareDatabase(Options.Create(new PipelineOptions { DataDirectory = _folder }));
        using var connection = database.Open();
        using var columns = connection.CreateCommand();
        columns.CommandText = "SELECT (SELECT COUNT(*) FROM pragma_table_info('images') WHERE name = 'media_type') + (SELECT COUNT(*) FROM pragma_table_info('deliveries') WHERE name = 'sent_files')";
        using var shares = connection.CreateCommand();
        shares.CommandText = "SELECT COUNT(*) FROM shares";

        Assert.Equal(2L, columns.ExecuteScalar());
        Assert.Equal(1L, shares.ExecuteScalar());
    }

    [Fact]
    public void Open_on_many_threads_at_once_finds_the_schema_on_every_one()
    {
        using var database = new ShareDatabase(Options.Create(new PipelineOptions { DataDirectory = _folder }));

        Parallel.For(0, 16, _ =>
        {
            using var connection = database.Open();
            using var count = connection.CreateCommand();
            count.CommandText = "SELECT COUNT(*) FROM images";
            Assert.Equal(0L, count.ExecuteScalar());
        });
    }
}
