using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Uplink.Core.Shares.Store;

/// <summary>
/// The SQLite file that holds shares, images, deliveries and attempts, in WAL mode. Recording a share
/// commits with <c>synchronous=FULL</c>, so it has reached the disk before the caller is told; the
/// pipeline's progress commits with <c>NORMAL</c>, which survives a killed process and, after a power
/// loss, can only roll progress back, and every stage is safe to redo. Disposing it closes the pooled
/// connections to this one file, so the data folder is released (and SQLite folds the WAL back in)
/// without touching any other database the process has open.
/// </summary>
internal sealed class ShareDatabase : IDisposable
{
    /// <summary>The store's file name inside the data folder.</summary>
    public const string FileName = "uplink-shares.db";

    private readonly string _connectionString;
    private readonly Lock _schemaLock = new();
    private volatile bool _initialized;

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
    /// <param name="durable">Whether commits must reach the disk before they return (recording a share).</param>
    /// <returns>An open connection.</returns>
    public SqliteConnection Open(bool durable = false)
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        Execute(connection, $"PRAGMA synchronous={(durable ? "FULL" : "NORMAL")}; PRAGMA foreign_keys=ON; PRAGMA secure_delete=ON; PRAGMA busy_timeout=30000;");
        if (!_initialized)
        {
            // Every caller waits until the schema exists: the first request may arrive on many threads at once.
            lock (_schemaLock)
            {
                if (!_initialized)
                {
                    Execute(connection, "PRAGMA journal_mode=WAL;");
                    Execute(connection, ShareSchema.Create);
                    AddMissingColumns(connection);
                    _initialized = true;
                }
            }
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

    private static void AddMissingColumns(SqliteConnection connection)
    {
        foreach (var (table, column, definition) in ShareSchema.AddedColumns)
        {
            using var exists = connection.CreateCommand();
            exists.CommandText = "SELECT COUNT(*) FROM pragma_table_info(@table) WHERE name = @column";
            exists.Parameters.AddWithValue("@table", table);
            exists.Parameters.AddWithValue("@column", column);
            if (Convert.ToInt64(exists.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 0)
            {
                Execute(connection, $"ALTER TABLE {table} ADD COLUMN {column} {definition}");
            }
        }
    }

    /// <summary>Closes the idle pooled connections to this database.</summary>
    public void Dispose()
    {
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }
}
