using System.Reflection;
using Polly;
using Uplink.Plugins.Abstractions.Outputs;

namespace Uplink.TestPlugins.Echo;

internal sealed class EchoOutput : IOutputPlugin, INonDicomOutput
{
    private static readonly ResiliencePipeline Pipeline = new ResiliencePipelineBuilder().AddTimeout(TimeSpan.FromSeconds(10)).Build();

    public static string PollyVersion =>
        typeof(ResiliencePipeline).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion.Split('+')[0];

    public async ValueTask<IReadOnlyList<DeliveryResult>> DeliverAsync(IReadOnlyList<OutboundInstance> batch, CancellationToken cancellationToken) =>
        await Pipeline.ExecuteAsync(
            _ => ValueTask.FromResult<IReadOnlyList<DeliveryResult>>([.. batch.Select(i => new DeliveryResult(DeliveryStatus.Delivered, i.IdempotencyKey, $"Polly.Core {PollyVersion}"))]),
            cancellationToken).ConfigureAwait(false);

    public ValueTask<DeliveryResult> DeliverNonDicomAsync(OutboundDocument document, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new DeliveryResult(DeliveryStatus.Delivered, document.IdempotencyKey, $"document {document.MediaType}"));

    public ValueTask<DeliveryResult> CompleteShareAsync(ShareCompletion share, CancellationToken cancellationToken) =>
        ValueTask.FromResult(DeliveryResult.Delivered(share.ShareId));
}
