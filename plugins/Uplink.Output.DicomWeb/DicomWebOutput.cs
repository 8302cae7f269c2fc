using System.Net.Http.Headers;
using System.Text;
using Uplink.Output.DicomWeb.Stow;
using Uplink.Plugins.Abstractions.Outputs;
using Uplink.Plugins.Shared.Http;
using Uplink.Plugins.Shared.Outputs;

namespace Uplink.Output.DicomWeb;

/// <summary>
/// Delivers instances by DICOMweb STOW-RS, one instance per request (the host delivers one instance at a time),
/// each with its own outcome from the server's answer (<see cref="StowOutcome"/>). After a 401/403 nothing more is
/// sent until the plugin is configured again (<see cref="CredentialsLatch"/>).
/// </summary>
internal sealed class DicomWebOutput(UploadChannel channel, DicomWebOptions options) : IOutputPlugin
{
    /// <summary>The name of the plugin's <see cref="IHttpClientFactory"/> client.</summary>
    public const string ClientName = "Uplink.Output.DicomWeb";

    /// <summary>The server as the channel talks to it: its credentials, if any, and what a rejection means.</summary>
    /// <param name="options">The output's settings.</param>
    /// <returns>The destination.</returns>
    public static UploadDestination Destination(DicomWebOptions options) => new(
        "The STOW-RS server",
        options switch
        {
            { BearerToken: { } token } => new AuthenticationHeaderValue("Bearer", token),
            { Username: { } user, Password: { } password } => new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"))),
            _ => null,
        },
        "the credentials are wrong or lack the right to store.");

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<DeliveryResult>> DeliverAsync(IReadOnlyList<OutboundInstance> batch, CancellationToken cancellationToken) =>
        EachInstance.DeliverAsync(batch, DeliverOneAsync, cancellationToken);

    /// <inheritdoc />
    public ValueTask<DeliveryResult> CompleteShareAsync(ShareCompletion share, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(share);
        return ValueTask.FromResult(DeliveryResult.Delivered(share.ShareId));
    }

    private async ValueTask<DeliveryResult> DeliverOneAsync(OutboundInstance instance, CancellationToken cancellationToken)
    {
        var reply = await channel.SendAsync(instance.IdempotencyKey, "the STOW-RS request", () => StowRequest.Build(options.StudiesEndpoint, instance), cancellationToken).ConfigureAwait(false);
        return reply.Settled ?? StowOutcome.Map(reply.Status, reply.Said, reply.Body, instance);
    }
}
