using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Uplink.Host.Demo;

namespace Uplink.Host.Tests.EndToEnd.Support;

/// <summary>
/// A <see cref="DemoSite"/> in a temp folder with a generated exam and a running <c>uplink run</c>
/// process; logs everything (Serilog at Verbose, Microsoft included) so leak checks see every event.
/// </summary>
internal sealed class EndToEndSite : IDisposable
{
    private UplinkProcess? _process;

    public EndToEndSite(int images, int frames, int workers = 2)
    {
        Site = DemoSite.Create(Directory.CreateTempSubdirectory("uplink-e2e-").FullName);
        Exam = DemoExamGenerator.WriteSeries(Site.ImageStore, "US", images, frames);
        var config = JsonNode.Parse(File.ReadAllText(Site.ConfigPath))!.AsObject();
        config["Uplink"]!["Pipeline"] = new JsonObject { ["MaxParallelism"] = workers, ["PollInterval"] = "00:00:00.100" };
        config["Serilog"] = new JsonObject
        {
            ["MinimumLevel"] = new JsonObject { ["Default"] = "Verbose", ["Override"] = new JsonObject { ["Microsoft"] = "Verbose", ["System"] = "Verbose" } },
        };
        File.WriteAllText(Site.ConfigPath, config.ToJsonString());
        Client = new DemoViewPointClient(Site.ApiUrl, Site.ApiKey, TimeProvider.System);
    }

    public DemoSite Site { get; }

    public IReadOnlyList<DemoImage> Exam { get; }

    public DemoViewPointClient Client { get; }

    /// <summary>Every line every run of the process wrote to its console.</summary>
    public ConcurrentQueue<string> Console { get; } = new();

    public UplinkProcess Process => _process ?? throw new InvalidOperationException("not started");

    /// <summary>Starts (or restarts) the host and, unless told not to, waits until the ViewPoint API answers.</summary>
    public async Task StartAsync(bool waitForApi = true)
    {
        _process?.Dispose();
        _process = UplinkProcess.Run(Site.ConfigPath, Console);
        if (!waitForApi)
        {
            return;
        }

        try
        {
            await Client.WaitUntilListeningAsync(TimeSpan.FromSeconds(45), CancellationToken.None);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{ex.Message}{Environment.NewLine}{string.Join(Environment.NewLine, Console)}", ex);
        }
    }

    /// <summary>Sets one <c>Uplink:Pipeline</c> setting in the configuration (before the host starts).</summary>
    public void SetPipeline(string key, string value) => Set("Pipeline", key, value);

    /// <summary>Sets one <c>Uplink:SECTION:KEY</c> setting in the configuration (before the host starts).</summary>
    public void Set(string section, string key, string value)
    {
        var config = JsonNode.Parse(File.ReadAllText(Site.ConfigPath))!.AsObject();
        var uplink = config["Uplink"]!.AsObject();
        if (uplink[section] is not JsonObject settings)
        {
            uplink[section] = settings = new JsonObject();
        }

        settings[key] = value;
        File.WriteAllText(Site.ConfigPath, config.ToJsonString());
    }

    /// <summary>Changes the <c>Uplink</c> section of the configuration (before the host starts).</summary>
    public void Edit(Action<JsonObject> uplink)
    {
        var config = JsonNode.Parse(File.ReadAllText(Site.ConfigPath))!.AsObject();
        uplink(config["Uplink"]!.AsObject());
        File.WriteAllText(Site.ConfigPath, config.ToJsonString());
    }

    /// <summary>The anonymized files in the folder output.</summary>
    /// <summary>The delivered files; the folder output's in-flight temporary files (a leading dot) are not delivered yet.</summary>
    public string[] OutputFiles() =>
        [.. Directory.GetFiles(Site.OutputDirectory, "*", SearchOption.AllDirectories).Where(f => !Path.GetFileName(f).StartsWith('.'))];

    public void Dispose()
    {
        _process?.Dispose();
        Client.Dispose();
        try
        {
            Directory.Delete(Site.Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
