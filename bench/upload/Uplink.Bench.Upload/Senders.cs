using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Uplink.Output.DicomWeb;
using Uplink.Output.Tricefy;
using Uplink.Plugins.Abstractions;
using Uplink.Plugins.Abstractions.Outputs;

namespace Uplink.Bench.Upload;

/// <summary>The two senders per target: Uplink's output plugin, and a raw HttpClient loop that does only the HTTP (the floor).</summary>
internal static class Senders
{
    public static async Task<TimeSpan> UplinkAsync(IUplinkPlugin plugin, Dictionary<string, string?> settings, WorkSet set, string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        var services = new ServiceCollection();
        plugin.ConfigureServices(services, new BenchContext(settings, dataDirectory));
        await using var provider = services.BuildServiceProvider();
        var output = provider.GetRequiredService<IOutputPlugin>();
        var clock = Stopwatch.StartNew();
        var results = await output.DeliverAsync(set.Instances, CancellationToken.None);
        clock.Stop();
        var failed = results.Where(r => r.Status != DeliveryStatus.Delivered).ToArray();
        if (failed.Length > 0)
        {
            throw new InvalidOperationException($"{failed.Length} of {set.Instances.Count} not delivered; first: {failed[0].Status} {failed[0].Reason}");
        }

        return clock.Elapsed;
    }

    public static Task<TimeSpan> UplinkTricefyAsync(Uri endpoint, string email, string token, WorkSet set, string dataDirectory) =>
        UplinkAsync(new TricefyPlugin(), new() { ["Endpoint"] = endpoint.ToString(), ["Email"] = email, ["Token"] = token }, set, dataDirectory);

    public static Task<TimeSpan> UplinkStowAsync(Uri dicomWeb, string user, string password, int batch, WorkSet set, string dataDirectory) =>
        UplinkAsync(new DicomWebPlugin(), new() { ["BaseUrl"] = dicomWeb.ToString(), ["Username"] = user, ["Password"] = password, ["MaxBatchInstances"] = batch.ToString(System.Globalization.CultureInfo.InvariantCulture) }, set, dataDirectory);

    /// <summary>One POST per file, body streamed from disk, Basic auth: what any client must do for Tricefy.</summary>
    public static async Task<TimeSpan> RawTricefyAsync(Uri endpoint, string email, string token, WorkSet set)
    {
        using var http = new HttpClient();
        var auth = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{email}:{token}")));
        var clock = Stopwatch.StartNew();
        foreach (var instance in set.Instances)
        {
            using var content = new StreamContent(File.OpenRead(instance.FilePath));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/dicom");
            using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = content };
            request.Headers.Authorization = auth;
            using var response = await http.SendAsync(request);
            response.EnsureSuccessStatusCode();
        }

        return clock.Elapsed;
    }

    /// <summary>Multipart STOW in the same batches, no resilience and no per-instance reading: the floor for Orthanc.</summary>
    public static async Task<TimeSpan> RawStowAsync(Uri dicomWeb, string user, string password, int batch, WorkSet set)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(10) };
        var auth = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        var clock = Stopwatch.StartNew();
        foreach (var chunk in set.Instances.Chunk(batch))
        {
            using var multipart = new MultipartContent("related", "rawboundary");
            foreach (var instance in chunk)
            {
                var part = new StreamContent(File.OpenRead(instance.FilePath));
                part.Headers.ContentType = new MediaTypeHeaderValue("application/dicom");
                multipart.Add(part);
            }

            multipart.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/related; type=\"application/dicom\"; boundary=rawboundary");
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"{dicomWeb.ToString().TrimEnd('/')}/studies")) { Content = multipart };
            request.Headers.Authorization = auth;
            using var response = await http.SendAsync(request);
            response.EnsureSuccessStatusCode();
        }

        return clock.Elapsed;
    }
}
