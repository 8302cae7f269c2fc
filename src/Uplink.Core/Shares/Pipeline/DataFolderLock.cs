namespace Uplink.Core.Shares.Pipeline;

/// <summary>
/// Proves this process alone owns the data folder: an exclusively opened lock file that the operating
/// system releases when the process ends, however it ends. With it held, leases left by a killed
/// process can be released at start instead of waiting for them to expire.
/// </summary>
internal sealed class DataFolderLock : IDisposable
{
    private readonly FileStream _stream;

    private DataFolderLock(FileStream stream) => _stream = stream;

    /// <summary>Takes the lock.</summary>
    /// <param name="dataDirectory">The data folder.</param>
    /// <returns>The held lock.</returns>
    /// <exception cref="InvalidOperationException">Another Uplink process holds it.</exception>
    public static DataFolderLock Acquire(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        var path = Path.Combine(dataDirectory, "uplink.lock");
        try
        {
            return new DataFolderLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException ex)
        {
            throw new InvalidOperationException($"Another Uplink process is using the data folder {dataDirectory} (its lock file {path} is held).", ex);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _stream.Dispose();
}
