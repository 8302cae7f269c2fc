namespace Uplink.Host.Hosting.Admin;

/// <summary>
/// Slows down guessing the admin key: after <see cref="FreeFailures"/> wrong keys in a row, every sign-in waits
/// for a pause that doubles with each further wrong key, up to <see cref="LongestPause"/>. One counter for the
/// listener, since it serves loopback only and every caller has the same address. A right key resets it.
/// </summary>
/// <param name="time">The clock.</param>
internal sealed class SignInThrottle(TimeProvider time)
{
    /// <summary>Wrong keys allowed before the pauses start.</summary>
    public const int FreeFailures = 3;

    /// <summary>The longest pause between two tries.</summary>
    public static readonly TimeSpan LongestPause = TimeSpan.FromMinutes(1);

    private readonly Lock _lock = new();
    private int _failures;
    private DateTimeOffset _blockedUntil = DateTimeOffset.MinValue;

    /// <summary>How long a caller must still wait before the next try, or zero.</summary>
    /// <returns>The remaining pause.</returns>
    public TimeSpan Wait()
    {
        lock (_lock)
        {
            var left = _blockedUntil - time.GetUtcNow();
            return left > TimeSpan.Zero ? left : TimeSpan.Zero;
        }
    }

    /// <summary>Counts a wrong key.</summary>
    public void Failed()
    {
        lock (_lock)
        {
            _failures++;
            if (_failures > FreeFailures)
            {
                var seconds = Math.Min(Math.Pow(2, _failures - FreeFailures - 1), LongestPause.TotalSeconds);
                _blockedUntil = time.GetUtcNow() + TimeSpan.FromSeconds(seconds);
            }
        }
    }

    /// <summary>Forgets the wrong keys after a right one.</summary>
    public void Succeeded()
    {
        lock (_lock)
        {
            _failures = 0;
            _blockedUntil = DateTimeOffset.MinValue;
        }
    }
}
