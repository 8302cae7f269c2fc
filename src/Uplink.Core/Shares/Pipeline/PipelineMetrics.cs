using System.Diagnostics.Metrics;
using Uplink.Core.Shares.Store;
using Uplink.Plugins.Abstractions.Inputs;

namespace Uplink.Core.Shares.Pipeline;

/// <summary>
/// The pipeline's metrics on the <see cref="MeterName"/> meter. Names and tags are fixed words and plugin ids:
/// no share, exam or image id and no patient value ever becomes a tag or a value.
/// </summary>
internal sealed class PipelineMetrics
{
    /// <summary>The meter's name, for listeners and exporters.</summary>
    public const string MeterName = PipelineMeter.Name;

    private readonly Counter<long> _sharesAccepted;
    private readonly Counter<long> _imagesFinished;
    private readonly Histogram<double> _stageDuration;
    private readonly Counter<long> _bytesUploaded;

    /// <summary>Creates the instruments on a meter from <paramref name="meters"/>.</summary>
    /// <param name="meters">The host's meter factory.</param>
    public PipelineMetrics(IMeterFactory meters)
    {
        Meter = meters.Create(MeterName);
        _sharesAccepted = Meter.CreateCounter<long>("uplink.shares.accepted", "{share}", "Shares recorded (a repeated request is not counted again).");
        _imagesFinished = Meter.CreateCounter<long>("uplink.images.finished", "{image}", "Images that reached a final state, by outcome (sent, set-aside, discarded, failed) and the stage that decided it.");
        _stageDuration = Meter.CreateHistogram<double>("uplink.stage.duration", "s", "How long one run of a stage (fetch, anonymize, deliver) took for one image.");
        _bytesUploaded = Meter.CreateCounter<long>("uplink.output.bytes", "By", "Bytes of anonymized files an output accepted, by output plugin.");
    }

    /// <summary>The meter the instruments live on.</summary>
    public Meter Meter { get; }

    /// <summary>A new share was recorded.</summary>
    public void ShareAccepted() => _sharesAccepted.Add(1);

    /// <summary>An image reached a final state.</summary>
    /// <param name="stage">The stage that decided it.</param>
    /// <param name="state">The final state.</param>
    public void ImageFinished(string stage, ImageState state) =>
        _imagesFinished.Add(1, new KeyValuePair<string, object?>("outcome", StateNames.Of(state)), new KeyValuePair<string, object?>("stage", stage));

    /// <summary>One run of a stage ended.</summary>
    /// <param name="stage">fetch, anonymize or deliver.</param>
    /// <param name="elapsed">How long it took.</param>
    public void StageRan(string stage, TimeSpan elapsed) =>
        _stageDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("stage", stage));

    /// <summary>An output accepted a file.</summary>
    /// <param name="outputId">The output plugin's id.</param>
    /// <param name="bytes">The file's length.</param>
    public void Uploaded(string outputId, long bytes) =>
        _bytesUploaded.Add(bytes, new KeyValuePair<string, object?>("output", outputId));
}
