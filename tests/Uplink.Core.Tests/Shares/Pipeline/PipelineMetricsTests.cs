using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Uplink.Core.Shares.Pipeline;
using Uplink.Core.Tests.Shares.Support;

namespace Uplink.Core.Tests.Shares.Pipeline;

public sealed class PipelineMetricsTests
{
    [Fact]
    public async Task A_share_is_counted_once_with_its_images_by_outcome_each_stage_timed_and_the_bytes_the_output_took()
    {
        using var harness = new PipelineHarness();
        var measurements = Listen(harness.Get<PipelineMetrics>(), out var listener);
        using (listener)
        {
            var receipt = await harness.SubmitAsync("req-metrics", harness.AddImage("img-sent-1"), harness.AddImage("img-aside-2", "set-aside"));
            await harness.SubmitAsync("req-metrics", "img-sent-1", "img-aside-2");
            await harness.RunAsync();

            Assert.Equal(1, measurements.Where(m => m.Name == "uplink.shares.accepted").Sum(m => m.Value));
            var finished = measurements.Where(m => m.Name == "uplink.images.finished").Select(m => $"{Tag(m, "outcome")}@{Tag(m, "stage")}").Order(StringComparer.Ordinal);
            Assert.Equal(["sent@deliver", "set-aside@anonymize"], finished);
            var stages = measurements.Where(m => m.Name == "uplink.stage.duration").Select(m => Tag(m, "stage")).ToHashSet();
            Assert.True(stages.SetEquals(["fetch", "anonymize", "deliver"]), string.Join(", ", stages));
            Assert.All(measurements.Where(m => m.Name == "uplink.stage.duration"), m => Assert.True(m.Value >= 0));
            var bytes = Assert.Single(measurements, m => m.Name == "uplink.output.bytes");
            Assert.Equal("Test.Output0", Tag(bytes, "output"));
            Assert.Equal(Assert.Single(harness.Outputs[0].Delivered).Instance.Length, (long)bytes.Value);

            var needles = new[] { receipt.ShareId, "req-metrics", "exam-1", "img-sent-1", "img-aside-2", PipelineHarness.Email, PipelineHarness.Phone, "PATIENT^NAME" };
            foreach (var text in measurements.SelectMany(m => m.Tags.Select(t => $"{t.Key}={t.Value}").Append(m.Name)))
            {
                Assert.DoesNotContain(needles, n => text.Contains(n, StringComparison.Ordinal));
            }
        }
    }

    private static ConcurrentBag<Measurement> Listen(PipelineMetrics metrics, out MeterListener listener)
    {
        var measurements = new ConcurrentBag<Measurement>();
        listener = new MeterListener
        {
            // Only this harness's meter: other tests' pipelines run in parallel in this process.
            InstrumentPublished = (instrument, l) =>
            {
                if (ReferenceEquals(instrument.Meter, metrics.Meter))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => measurements.Add(new(instrument.Name, value, tags.ToArray())));
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => measurements.Add(new(instrument.Name, value, tags.ToArray())));
        listener.Start();
        return measurements;
    }

    private static string? Tag(Measurement measurement, string key) =>
        measurement.Tags.SingleOrDefault(t => t.Key == key).Value as string;

    private sealed record Measurement(string Name, double Value, KeyValuePair<string, object?>[] Tags);
}
