using System.Net.Http.Headers;
using System.Text;
using Uplink.Plugins.Abstractions.Outputs;
using Uplink.Plugins.Shared.Http;

namespace Uplink.Output.Tricefy.Http;

/// <summary>
/// Tricefy's published API: <c>POST {endpoint}</c> with one raw Part 10 file as <c>application/dicom</c>, Basic
/// <c>email:token</c>. The shared rules (<see cref="UploadFailures"/>) settle credentials and passing faults; of
/// the rest, 2xx is delivered and any other answer sets the file aside with what Tricefy said.
/// </summary>
internal sealed class TricefyClient(UploadChannel channel, TricefyOptions options)
{
    /// <summary>The name of the plugin's <see cref="IHttpClientFactory"/> client.</summary>
    public const string ClientName = "Uplink.Output.Tricefy";

    /// <summary>Tricefy as the channel talks to it: its Basic credentials and what a rejection means.</summary>
    /// <param name="options">The output's settings.</param>
    /// <returns>The destination.</returns>
    public static UploadDestination Destination(TricefyOptions options) => new(
        TricefyOptions.Owner,
        new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.Email}:{options.Token}"))),
        "the e-mail or API token is wrong or revoked; fix them with 'uplink setup'.");

    /// <summary>Uploads one file.</summary>
    public Task<DeliveryResult> UploadAsync(string key, string path, CancellationToken cancellationToken) =>
        SendAsync(key, "the upload", () =>
        {
            var stream = File.OpenRead(path);
            var content = new StreamContent(stream);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/dicom");
            content.Headers.ContentLength = stream.Length;
            return new HttpRequestMessage(HttpMethod.Post, options.Endpoint) { Content = content };
        }, cancellationToken);

    /// <summary>Asks Tricefy whether it takes the credentials (one GET of the endpoint), for <c>uplink plugins check</c>.</summary>
    public Task<DeliveryResult> VerifyAsync(CancellationToken cancellationToken) =>
        SendAsync("credentials", "the credential check", () => new HttpRequestMessage(HttpMethod.Get, options.Endpoint), cancellationToken);

    /// <summary>Sends one request to Tricefy and reads the answer.</summary>
    public async Task<DeliveryResult> SendAsync(string key, string what, Func<HttpRequestMessage> build, CancellationToken cancellationToken)
    {
        var reply = await channel.SendAsync(key, what, build, cancellationToken).ConfigureAwait(false);
        if (reply.Settled is { } settled)
        {
            return settled;
        }

        if (reply.Status is >= 200 and < 300)
        {
            return DeliveryResult.Delivered(key);
        }

        var message = reply.Message;
        return DeliveryResult.SetAside(key, message.Length == 0 ? $"{reply.Said}." : $"{reply.Said}: {message}");
    }
}
