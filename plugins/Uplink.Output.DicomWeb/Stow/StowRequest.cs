using System.Net.Http.Headers;
using Uplink.Plugins.Abstractions.Outputs;

namespace Uplink.Output.DicomWeb.Stow;

/// <summary>
/// One STOW-RS request (PS3.18 10.5): <c>multipart/related; type="application/dicom"</c> with the instance's
/// Part 10 file as its one part, streamed from disk.
/// </summary>
internal static class StowRequest
{
    public static HttpRequestMessage Build(Uri endpoint, OutboundInstance instance)
    {
        var boundary = $"uplink-{Guid.NewGuid():N}";
        var multipart = new MultipartContent("related", boundary);
        var part = new StreamContent(File.OpenRead(instance.FilePath));
        part.Headers.ContentType = new MediaTypeHeaderValue("application/dicom");
        multipart.Add(part);

        // Servers differ on quoted boundaries; a token boundary needs no quotes, so send it bare.
        multipart.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/related; type=\"application/dicom\"; boundary={boundary}");
        var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = multipart };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/dicom+json"));
        return request;
    }
}
