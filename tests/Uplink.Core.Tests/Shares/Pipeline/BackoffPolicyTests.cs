using Microsoft.Extensions.Options;
using Uplink.Core.Shares;
using Uplink.Core.Shares.Pipeline;

namespace Uplink.Core.Tests.Shares.Pipeline;

public sealed class BackoffPolicyTests
{
    private static readonly IOptions<PipelineOptions> Settings = Options.Create(new PipelineOptions
    {
        RetryBaseDelay = TimeSpan.FromSeconds(2),
        RetryMaxDelay = TimeSpan.FromSeconds(60),
    });

    [Theory]
    [InlineData(0, 1, 2)]
    [InlineData(1, 2, 4)]
    [InlineData(3, 8, 16)]
    [InlineData(5, 30, 60)]
    [InlineData(40, 30, 60)]
    public void Delay_doubles_per_attempt_within_half_and_all_of_the_capped_ceiling(int attempt, double minSeconds, double maxSeconds)
    {
        var policy = new BackoffPolicy(Settings, new Random(7));

        var delays = Enumerable.Range(0, 200).Select(_ => policy.Delay(attempt).TotalSeconds).ToList();

        Assert.All(delays, d => Assert.InRange(d, minSeconds, maxSeconds));
    }

    [Fact]
    public void Delay_is_jittered_so_retries_of_many_images_spread_out()
    {
        var policy = new BackoffPolicy(Settings, new Random(7));

        var delays = Enumerable.Range(0, 50).Select(_ => policy.Delay(2)).Distinct().Count();

        Assert.True(delays > 40, $"only {delays} distinct delays out of 50");
    }
}
