using Microsoft.Extensions.DependencyInjection;
using Uplink.Core.Anonymization;
using Uplink.Core.Plugins;
using Uplink.Core.Shares;
using Uplink.Core.Shares.Pipeline;
using Uplink.Core.Shares.Store;
using Uplink.Plugins.Abstractions.Inputs;
using Uplink.Plugins.Abstractions.Outputs;
using Uplink.Plugins.Abstractions.Profiles;

namespace Uplink.Plugins.Tests.Support;

/// <summary>
/// The host's real share pipeline (store, stages, shaping) in a temp folder, delivering to one real output. The
/// anonymizer is a stand-in that takes each source file as already verified (the delivery path is the subject).
/// </summary>
internal sealed class HostPipeline : IDisposable
{
    public const string InputId = "Test.Input";

    private readonly ServiceProvider _services;

    public HostPipeline(string root, string outputId, IOutputPlugin output)
    {
        Images = Path.Combine(root, "images");
        Directory.CreateDirectory(Images);
        _services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IActivePlugins>(new Plugins(new ActivePlugin<Core.Plugins.Supervision.GuardedOutput>(outputId, new Core.Plugins.Supervision.GuardedOutput(outputId, output, new Core.Plugins.PluginStates(), Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance)), Images))
            .AddSingleton<IInstanceProcessor>(new VerifiedAsItIs())
            .AddUplinkPipeline(o =>
            {
                o.DataDirectory = Path.Combine(root, "data");
                o.RetryBaseDelay = TimeSpan.FromMilliseconds(1); // retries come due at once, so one run drains an outage
                o.RetryMaxDelay = TimeSpan.FromMilliseconds(2);
            })
            .BuildServiceProvider();
    }

    /// <summary>Where image ids are looked up (file name = id).</summary>
    public string Images { get; }

    public async Task<string> ShareAsync(params string[] imageIds)
    {
        var receipt = await _services.GetRequiredService<IShareIntake>().SubmitAsync(
            new ShareRequest(Guid.NewGuid().ToString("N"), "exam-1", imageIds, new ShareRecipient("jane@example.org", null), InputId), CancellationToken.None);
        await _services.GetRequiredService<PipelineRunner>().RunUntilIdleAsync(CancellationToken.None);
        return receipt.ShareId;
    }

    /// <summary>The SHA-256 of every file the host recorded as sent for an image, across outputs.</summary>
    public IReadOnlyList<SentFiles.Entry> SentFiles(string shareId, int position) =>
        [.. _services.GetRequiredService<ImageQueue>().SentFilesOf(shareId, position).Values.SelectMany(json => Core.Shares.Store.SentFiles.Parse(json!))];

    public Task<ShareStatusReport?> StatusAsync(string shareId) => _services.GetRequiredService<IShareIntake>().GetStatusAsync(shareId, CancellationToken.None);

    public void Dispose() => _services.Dispose();

    private sealed class Plugins(ActivePlugin<Core.Plugins.Supervision.GuardedOutput> output, string images) : IActivePlugins, IImageSource
    {
        public IReadOnlyList<ActivePlugin<IInputPlugin>> Inputs { get; } = [];

        public ActivePlugin<IAnonymizationProfile> Profile { get; } = new("Test.Profile", new NoProfile());

        public string? ProfileProblem => null;

        public IReadOnlyList<ActivePlugin<Core.Plugins.Supervision.GuardedOutput>> Outputs { get; } = [output];

        public Core.Plugins.Supervision.GuardedImageSource? FindImageSource(string pluginId) =>
            pluginId == InputId ? new Core.Plugins.Supervision.GuardedImageSource(InputId, this, new Core.Plugins.PluginStates(), Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance) : null;

        public ValueTask<ImageResolution> ResolveAsync(string imageId, CancellationToken cancellationToken) =>
            ValueTask.FromResult(ImageResolution.Found(Path.Combine(images, imageId)));
    }

    private sealed class NoProfile : IAnonymizationProfile
    {
        public ProfileDescriptor Descriptor { get; } = new("Test", "1", "test profile", NonDicomHandling.Discard);

        public AnonymizationOutcome Anonymize(AnonymizationRequest request) => throw new NotSupportedException("The stand-in anonymizer never calls the profile.");
    }

    private sealed class VerifiedAsItIs : IInstanceProcessor
    {
        public InstanceResult Process(string sourcePath, string outputPath, IAnonymizationProfile profile, CancellationToken cancellationToken)
        {
            File.Copy(sourcePath, outputPath, overwrite: true);
            using var file = Dicom.DicomFile.Open(outputPath);
            using var stream = File.OpenRead(outputPath);
            var ds = file.Dataset;
            var info = AnonymizedInstanceInfo.Instance(
                outputPath, stream.Length, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(stream)),
                ds.GetString(Dicom.DicomTags.SOPClassUID)!, ds.GetString(Dicom.DicomTags.SOPInstanceUID)!,
                ds.GetString(Dicom.DicomTags.StudyInstanceUID) ?? "2.25.1", ds.GetString(Dicom.DicomTags.SeriesInstanceUID) ?? "2.25.2", file.TransferSyntax.Uid);
            return new InstanceResult(AnonymizationDisposition.Anonymized, null, info, "{}");
        }
    }
}
