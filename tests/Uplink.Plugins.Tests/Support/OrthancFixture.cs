using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Uplink.Tests.Shared;

namespace Uplink.Plugins.Tests.Support;

/// <summary>
/// A throw-away Orthanc with its DICOMweb plugin: 127.0.0.1 only (LD_PRELOAD loopback-bind shim built
/// with cc), free ports, a temp storage folder, TCP_NODELAY=1, HTTP Basic auth on. When Orthanc, its
/// plugin or cc is missing, <see cref="SkipReason"/> says so and the tests skip.
/// </summary>
public sealed class OrthancFixture : IAsyncLifetime
{
    private const string OrthancPath = "/usr/sbin/Orthanc";
    private const string DicomWebPlugin = "/usr/share/orthanc/plugins/libOrthancDicomWeb.so";
    private readonly TempFolder _temp = new("uplink-orthanc");
    private Process? _process;

    public string? SkipReason { get; private set; }

    public string Username => "uplink";

    public string Password { get; } = Guid.NewGuid().ToString("N");

    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1:1/");

    public Uri DicomWebRoot => new(BaseUrl, "dicom-web");

    /// <summary>Orthanc's DICOM port (AE title ORTHANC), on loopback.</summary>
    public int DicomPort { get; private set; }

    public HttpClient Http { get; } = new();

    public async ValueTask InitializeAsync()
    {
        SkipReason = File.Exists(OrthancPath) ? null : $"Orthanc is not installed ({OrthancPath}); apt-get install orthanc orthanc-dicomweb.";
        SkipReason ??= File.Exists(DicomWebPlugin) ? null : $"The Orthanc DICOMweb plugin is not installed ({DicomWebPlugin}).";
        var shim = SkipReason is null ? await BuildShimAsync() : null;
        if (SkipReason is not null)
        {
            return;
        }

        var httpPort = LoopbackPort.Free();
        var dicomPort = LoopbackPort.Free();
        DicomPort = dicomPort;
        BaseUrl = new Uri($"http://127.0.0.1:{httpPort}/");
        var config = _temp.Combine("orthanc.json");
        await File.WriteAllTextAsync(config, Config(httpPort, dicomPort));
        var start = new ProcessStartInfo(OrthancPath) { WorkingDirectory = _temp.Path, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(config);
        start.Environment["TCP_NODELAY"] = "1";
        start.Environment["LD_PRELOAD"] = shim;
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Username}:{Password}")));
        await WaitUntilUpAsync();
    }

    /// <summary>Deletes every patient, so each test starts from an empty archive.</summary>
    public async Task ResetAsync()
    {
        foreach (var id in await GetIdsAsync("patients"))
        {
            (await Http.DeleteAsync(new Uri(BaseUrl, $"patients/{id}"))).EnsureSuccessStatusCode();
        }
    }

    /// <summary>Orthanc's count of stored instances (<c>GET /instances</c>).</summary>
    public async Task<int> CountInstancesAsync() => (await GetIdsAsync("instances")).Count;

    /// <summary>Orthanc's own parse of every stored instance: SOP Instance UID → (PatientName, PatientID).</summary>
    public async Task<Dictionary<string, (string? Name, string? Id)>> ParsedPatientsAsync()
    {
        var parsed = new Dictionary<string, (string?, string?)>(StringComparer.Ordinal);
        foreach (var id in await GetIdsAsync("instances"))
        {
            using var tags = JsonDocument.Parse(await Http.GetStringAsync(new Uri(BaseUrl, $"instances/{id}/simplified-tags")));
            var root = tags.RootElement;
            parsed[root.GetProperty("SOPInstanceUID").GetString()!] = (Text(root, "PatientName"), Text(root, "PatientID"));
        }

        return parsed;
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        Http.Dispose();
        _temp.Dispose();
    }

    private static string? Text(JsonElement root, string name) => root.TryGetProperty(name, out var value) ? value.GetString() : null;

    private async Task<List<string>> GetIdsAsync(string resource) =>
        JsonSerializer.Deserialize<List<string>>(await Http.GetStringAsync(new Uri(BaseUrl, resource))) ?? [];

    private async Task<string?> BuildShimAsync()
    {
        var source = _temp.Combine("loopback-bind.c");
        var library = _temp.Combine("loopback-bind.so");
        await File.WriteAllTextAsync(source, LoopbackShim.Source);
        try
        {
            using var cc = Process.Start(new ProcessStartInfo("cc", ["-shared", "-fPIC", "-O2", "-o", library, source, "-ldl"]) { RedirectStandardError = true })!;
            var error = await cc.StandardError.ReadToEndAsync();
            await cc.WaitForExitAsync();
            SkipReason = cc.ExitCode == 0 ? null : $"cc could not build the loopback-bind shim Orthanc needs to stay on 127.0.0.1: {error}";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            SkipReason = "cc is not installed; without the loopback-bind shim Orthanc would listen on every interface.";
        }

        return library;
    }

    private async Task WaitUntilUpAsync()
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException($"Orthanc exited with {_process.ExitCode} during start-up (folder {_temp.Path}).");
            }

            try
            {
                using var response = await Http.GetAsync(new Uri(BaseUrl, "system"));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("Orthanc did not answer /system within 30 s.");
    }

    private string Config(int httpPort, int dicomPort)
    {
        var storage = _temp.Combine("storage").Replace("\\", "/", StringComparison.Ordinal);
        return JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["Name"] = "UplinkTestPeer",
            ["StorageDirectory"] = storage,
            ["IndexDirectory"] = storage,
            ["StorageCompression"] = false,
            ["HttpServerEnabled"] = true,
            ["HttpPort"] = httpPort,
            ["RemoteAccessAllowed"] = false,
            ["AuthenticationEnabled"] = true,
            ["RegisteredUsers"] = new Dictionary<string, string> { [Username] = Password },
            ["DicomServerEnabled"] = true,
            ["DicomAet"] = "ORTHANC",
            ["DicomPort"] = dicomPort,
            ["UnknownSopClassAccepted"] = true,
            ["SaveJobs"] = false,
            ["StableAge"] = 5,
            ["Plugins"] = new[] { DicomWebPlugin },
            ["DicomWeb"] = new Dictionary<string, object> { ["Enable"] = true, ["Root"] = "/dicom-web/", ["EnableWado"] = true, ["WadoRoot"] = "/wado", ["Ssl"] = false },
        });
    }
}
