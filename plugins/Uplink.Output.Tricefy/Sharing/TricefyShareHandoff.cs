using System.Net.Http.Json;
using System.Text.Json;
using Uplink.Output.Tricefy.Http;
using Uplink.Plugins.Abstractions.Outputs;

namespace Uplink.Output.Tricefy.Sharing;

/// <summary>
/// The patient-link hand-off, and the only place the recipient's contact leaves Uplink. Tricefy's public
/// specification covers uploads only, so this one class holds our documented wire form (<c>docs/tricefy.md</c>):
/// once every image of a share is uploaded, one <c>POST {ShareEndpoint}</c> over TLS carries the share id,
/// the anonymized study UIDs and the contact as JSON, with the account's Basic credentials and the share id
/// as <c>Idempotency-Key</c>. Swapping in Trice's real contract means changing this class only.
/// </summary>
internal sealed class TricefyShareHandoff(TricefyClient client, TricefyOptions options)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Sends the contact for a completed share.</summary>
    public async Task<DeliveryResult> SendAsync(ShareCompletion share, CancellationToken cancellationToken)
    {
        if (options.ShareEndpoint is null)
        {
            return DeliveryResult.SetAside(share.ShareId, "No Tricefy ShareEndpoint is configured, so the patient link cannot be requested; the images are uploaded.");
        }

        if (string.IsNullOrWhiteSpace(share.Recipient.Email) && string.IsNullOrWhiteSpace(share.Recipient.Phone))
        {
            return DeliveryResult.SetAside(share.ShareId, "The share has no recipient e-mail or phone to hand to Tricefy.");
        }

        if (share.StudyInstanceUids.Count == 0)
        {
            return DeliveryResult.SetAside(share.ShareId, "No study of the share was delivered, so there is nothing to share.");
        }

        var body = new ShareHandoffBody(
            share.ShareId,
            share.StudyInstanceUids,
            share.DeliveredCount,
            new ShareHandoffRecipient(NullIfBlank(share.Recipient.Email), NullIfBlank(share.Recipient.Phone)));
        return await client.SendAsync(share.ShareId, "the share hand-off", () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, options.ShareEndpoint) { Content = JsonContent.Create(body, options: Json) };
            request.Headers.Add("Idempotency-Key", share.ShareId);
            return request;
        }, cancellationToken).ConfigureAwait(false);
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
