namespace Uplink.Host.Commands.Anonymize;

/// <summary>A one-line progress bar on standard error, drawn only when it is a terminal.</summary>
internal sealed class AnonymizeProgress(TextWriter error, int total, bool enabled)
{
    private const int Width = 30;
    private readonly Lock _gate = new();
    private int _done;
    private int _setAside;
    private long _lastDrawn = -1;

    /// <summary>Whether standard error is a terminal.</summary>
    public static bool IsTerminal => !Console.IsErrorRedirected;

    /// <summary>Counts one finished file and redraws.</summary>
    /// <param name="setAside">True when the file was set aside.</param>
    public void Advance(bool setAside)
    {
        var done = Interlocked.Increment(ref _done);
        if (setAside)
        {
            Interlocked.Increment(ref _setAside);
        }

        if (!enabled)
        {
            return;
        }

        lock (_gate)
        {
            var filled = total == 0 ? Width : (int)((long)done * Width / total);
            if (filled == _lastDrawn && done != total)
            {
                return;
            }

            _lastDrawn = filled;
            error.Write($"\r[{new string('#', filled)}{new string('.', Width - filled)}] {done}/{total} files, {Volatile.Read(ref _setAside)} set aside");
            if (done == total)
            {
                error.WriteLine();
            }
        }
    }
}
