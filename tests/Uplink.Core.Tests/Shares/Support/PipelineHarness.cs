using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Uplink.Core.Anonymization;
using Uplink.Core.Plugins;
using Uplink.Core.Shares;
using Uplink.Core.Shares.Pipeline;
using Uplink.Plugins.Abstractions.Inputs;

namespace Uplink.Core.Tests.Shares.Support;

/// <summary>
/// The real pipeline (SQLite store in a temp data folder, real stages) with a fake clock, a folder of
/// source files, the scripted anonymizer and recording outputs. Work runs when the test says so.
/// </summary>
internal sealed class PipelineHarness : IDisposable
{
    public const string Email = "jane.doe@example.org";
    public const string Phone = "+46 70 123 45 67";

    private readonly ServiceProvider _services;

    public PipelineHarness(int outputs = 1, Action<PipelineOptions>? configure = null, bool firstOutputTakesDocuments = false, RecordingOutput[]? customOutputs = null)
    {
        Root = Path.Combine(Path.GetTempPath(), "uplink-tests", Guid.NewGuid().ToString("N"));
        DataDirectory = Path.Combine(Root, "data");
        Images = Path.Combine(Root, "images");
        Directory.CreateDirectory(Images);
        Outputs = customOutputs ?? [.. Enumerable.Range(0, outputs).Select(i => i == 0 && firstOutputTakesDocuments ? new RecordingDocumentOutput($"Test.Output{i}") : new RecordingOutput($"Test.Output{i}"))];
        _services = new ServiceCollection()
            .AddLogging(l => l.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace))
            .AddSingleton<TimeProvider>(Time)
            .AddSingleton<IActivePlugins>(new TestActivePlugins(Source = new ScriptedSource(new FolderSource(Images)), Outputs))
            .AddSingleton<IInstanceProcessor>(Processor)
            .AddUplinkPipeline(o =>
            {
                o.DataDirectory = DataDirectory;
                o.RetryBaseDelay = TimeSpan.FromSeconds(2);
                o.RetryMaxDelay = TimeSpan.FromMinutes(1);
                o.MaxProcessingAttempts = 3;
                configure?.Invoke(o);
            })
            .BuildServiceProvider();
    }

    public string Root { get; }

    public string DataDirectory { get; }

    public string Images { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));

    public ScriptedProcessor Processor { get; } = new();

    /// <summary>The input's image source: answers from the image folder unless a test scripts a fault first.</summary>
    public ScriptedSource Source { get; }

    /// <summary>When set, the anonymizer cannot be created (as when the site's UID key is missing).</summary>
    public bool AnonymizerMissing { get => Processor.Unavailable; set => Processor.Unavailable = value; }

    public RecordingOutput[] Outputs { get; }

    public CapturingLoggerProvider Logs { get; } = new();

    public IShareIntake Intake => Get<IShareIntake>();

    public PipelineRunner Runner => Get<PipelineRunner>();

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    /// <summary>Writes a source image whose first line scripts the anonymizer.</summary>
    public string AddImage(string imageId, string script = "ok", string body = "PATIENT^NAME pixels")
    {
        File.WriteAllText(Path.Combine(Images, imageId), $"{script}\n{body} {imageId}");
        return imageId;
    }

    public Task<ShareReceipt> SubmitAsync(string requestId, params string[] imageIds) =>
        Intake.SubmitAsync(new ShareRequest(requestId, "exam-1", imageIds, new ShareRecipient(Email, Phone), TestActivePlugins.InputId), CancellationToken.None);

    public Task<int> RunAsync() => Runner.RunUntilIdleAsync(CancellationToken.None);

    public async Task<ShareStatusReport> StatusAsync(string shareId) =>
        await Intake.GetStatusAsync(shareId, CancellationToken.None) ?? throw new InvalidOperationException($"share {shareId} is gone");

    public void Dispose()
    {
        _services.Dispose();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
