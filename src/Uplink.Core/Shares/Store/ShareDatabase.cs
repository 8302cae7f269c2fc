using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Uplink.Core.Shares.Store;

/// <summary>
/// The SQLite file that holds shares, images, deliveries and attempts. WAL with full sync, so a
/// commit has reached the disk before a caller is told a share is recorded.
/// </summary>
internal sealed class ShareDatabase
{
    /// <summary>The store's file name inside the data folder.</summary>
    public const string FileName = "uplink-shares.db";

    private readonly string _connectionString;
    private int _initialized;

    public ShareDatabase(IOptions<PipelineOptions> options)
    {
        var folder = options.Value.DataDirectory;
        Directory.CreateDirectory(folder);
        Path = System.IO.Path.Combine(folder, FileName);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <summary>Opens a connection with the pragmas every connection needs; the schema exists.</summary>
    /// <returns>An open connection.</returns>
    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        Execute(connection, "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA secure_delete=ON; PRAGMA busy_timeout=30000;");
        if (Interlocked.CompareExchange(ref _initialized, 1, 0) == 0)
        {
            Execute(connection, "PRAGMA journal_mode=WAL;");
            Execute(connection, ShareSchema.Create);
        }

        return connection;
    }

    /// <summary>Runs a statement without parameters.</summary>
    /// <param name="connection">An open connection.</param>
    /// <param name="sql">The statement(s).</param>
    public static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
