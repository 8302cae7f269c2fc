using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Uplink.Core.Anonymization;
using Uplink.Core.Plugins;
using Uplink.Core.Shares;
using Uplink.Input.ViewPoint;
using Uplink.Input.ViewPoint.Api;
using Uplink.Input.ViewPoint.Images;
using Uplink.Plugins.Abstractions.Inputs;

namespace Uplink.Plugins.Tests.Input.Api;

/// <summary>
/// The ViewPoint API on a real Kestrel port over the real share intake (SQLite in a temp folder).
/// The pipeline's workers are not started, so accepted shares stay queued where tests can see them.
/// </summary>
public sealed class ViewPointApiFixture : IAsyncDisposable
{
    public const string Key = "test-api-key-0123456789";
    public const string PluginId = "Uplink.Input.ViewPoint";

    private readonly CancellationTokenSource _stop = new();
    private readonly ServiceProvider _services;
    private readonly Task _running;

    public ViewPointApiFixture()
        : this(badKeyLimit: 1000)
    {
    }

    internal ViewPointApiFixture(int badKeyLimit, int maxImages = 20, int maxBodyBytes = 16 * 1024)
    {
        Root = Path.Combine(Path.GetTempPath(), "uplink-tests", Guid.NewGuid().ToString("N"));
        Images = Directory.CreateDirectory(Path.Combine(Root, "images")).FullName;
        foreach (var id in new[] { "img-1", "img-2", "img-3" })
        {
            File.WriteAllText(Path.Combine(Images, id + ".dcm"), "not really DICOM");
        }

        var options = new ViewPointOptions { Listen = "http://127.0.0.1:0", ApiKey = Key, ImageRoot = Images, BadKeyLimit = badKeyLimit, MaxImagesPerShare = maxImages, MaxBodyBytes = maxBodyBytes };
        _services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IActivePlugins, NoPlugins>()
            .AddSingleton<IInstanceProcessor, NoProcessor>()
            .AddUplinkPipeline(o => o.DataDirectory = Path.Combine(Root, "data"))
            .BuildServiceProvider();
        Intake = _services.GetRequiredService<IShareIntake>();
        var input = new ViewPointInput(options, new FolderImageSource(options), new ViewPointIdentity(PluginId), TimeProvider.System, NullLoggerFactory.Instance);
        _running = input.RunAsync(Intake, _stop.Token);
        var address = input.Listening.WaitAsync(TimeSpan.FromSeconds(20)).GetAwaiter().GetResult();
        Client = new HttpClient { BaseAddress = address };
    }

    public string Root { get; }

    public string Images { get; }

    public IShareIntake Intake { get; }

    public HttpClient Client { get; }

    public Task<HttpResponseMessage> PostAsync(string json, string? key = Key, string contentType = "application/json")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/shares") { Content = new StringContent(json, Encoding.UTF8, contentType) };
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return Client.SendAsync(request);
    }

    public Task<HttpResponseMessage> GetAsync(string path, string? key = Key)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return Client.SendAsync(request);
    }

    public static string Body(string requestId, string images = "\"img-1\", \"img-2\"", string recipient = "{\"email\": \"jane.doe@example.org\", \"phone\": \"+46 70 123 45 67\"}") =>
        $$"""{"requestId": "{{requestId}}", "examId": "exam-77", "imageIds": [{{images}}], "recipient": {{recipient}}}""";

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _running;
        Client.Dispose();
        await _services.DisposeAsync();
        _stop.Dispose();
        Directory.Delete(Root, recursive: true);
    }

    private sealed class NoPlugins : IActivePlugins
    {
        public IReadOnlyList<ActivePlugin<IInputPlugin>> Inputs { get; } = [];

        public ActivePlugin<Abstractions.Profiles.IAnonymizationProfile> Profile => throw new NotSupportedException();

        public string? ProfileProblem => "no profile in these tests";

        public IReadOnlyList<ActivePlugin<Core.Plugins.Supervision.GuardedOutput>> Outputs { get; } = [];

        public Uplink.Core.Plugins.Supervision.GuardedImageSource? FindImageSource(string pluginId) => null;
    }

    private sealed class NoProcessor : IInstanceProcessor
    {
        public InstanceResult Process(string sourcePath, string outputPath, Abstractions.Profiles.IAnonymizationProfile profile, CancellationToken cancellationToken) =>
            throw new NotSupportedException();
    }
}
