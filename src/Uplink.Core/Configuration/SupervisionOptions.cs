namespace Uplink.Core.Configuration;

/// <summary>How a failing input is restarted: exponential back-off from <see cref="InitialBackoff"/> to <see cref="MaxBackoff"/>.</summary>
public sealed class SupervisionOptions
{
    /// <summary>The wait after the first failure.</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between restarts.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long an input must run without failing to count as healthy again (the back-off resets).</summary>
    public TimeSpan HealthyAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The wait before restart number <paramref name="failures"/>.</summary>
    /// <param name="failures">Failures in a row, from 1.</param>
    /// <returns>The delay, doubling each time, capped at <see cref="MaxBackoff"/>.</returns>
    public TimeSpan BackoffFor(int failures)
    {
        var factor = Math.Pow(2, Math.Clamp(failures - 1, 0, 30));
        var ticks = Math.Min(InitialBackoff.Ticks * factor, MaxBackoff.Ticks);
        return TimeSpan.FromTicks((long)ticks);
    }
}
