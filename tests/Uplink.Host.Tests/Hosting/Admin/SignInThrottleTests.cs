using Microsoft.Extensions.Time.Testing;
using Uplink.Host.Hosting.Admin;

namespace Uplink.Host.Tests.Hosting.Admin;

public sealed class SignInThrottleTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void The_first_wrong_keys_cost_nothing_then_each_further_one_doubles_the_pause()
    {
        var throttle = new SignInThrottle(_time);
        for (var i = 0; i < SignInThrottle.FreeFailures; i++)
        {
            throttle.Failed();
        }

        var free = throttle.Wait();
        throttle.Failed();
        var first = throttle.Wait();
        _time.Advance(first);
        var afterFirst = throttle.Wait();
        throttle.Failed();
        var second = throttle.Wait();

        Assert.Equal(TimeSpan.Zero, free);
        Assert.Equal(TimeSpan.FromSeconds(1), first);
        Assert.Equal(TimeSpan.Zero, afterFirst);
        Assert.Equal(TimeSpan.FromSeconds(2), second);
    }

    [Fact]
    public void The_pause_stops_growing_at_a_minute_and_a_right_key_ends_it()
    {
        var throttle = new SignInThrottle(_time);
        for (var i = 0; i < 30; i++)
        {
            throttle.Failed();
        }

        var longest = throttle.Wait();
        throttle.Succeeded();

        Assert.Equal(SignInThrottle.LongestPause, longest);
        Assert.Equal(TimeSpan.Zero, throttle.Wait());
    }
}
