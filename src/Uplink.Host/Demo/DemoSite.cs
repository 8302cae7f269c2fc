using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Uplink.Core.Configuration;
using Uplink.Core.Site;

namespace Uplink.Host.Demo;

/// <summary>
/// A throw-away Uplink installation in one folder: ViewPoint's image store, the data folder (with the
/// site secrets <c>uplink setup</c> would create), the folder output and a configuration file that
/// selects Anon-LPU-O with the ViewPoint input and the folder output. The demo, the end-to-end tests
/// and the load benchmark all run against one of these.
/// </summary>
/// <param name="Root">The folder holding everything.</param>
/// <param name="ImageStore">ViewPoint's image store.</param>
/// <param name="DataDirectory">Uplink's data folder.</param>
/// <param name="OutputDirectory">Where the folder output writes.</param>
/// <param name="ConfigPath">The configuration file.</param>
/// <param name="ApiUrl">The ViewPoint API's base address.</param>
/// <param name="ApiKey">The site's API key.</param>
/// <param name="AdminUrl">The host's admin listener (health endpoints), on a port of its own.</param>
internal sealed record DemoSite(string Root, string ImageStore, string DataDirectory, string OutputDirectory, string ConfigPath, Uri ApiUrl, string ApiKey, Uri AdminUrl)
{
    /// <summary>The expert code the demo runs.</summary>
    public const string ExpertCode = "Anon-LPU-O";

    /// <summary>Where the demo writes the before/after pictures of each image's first frame.</summary>
    public string Pictures => Path.Combine(Root, "pictures");

    /// <summary>The folder output's plugin id.</summary>
    public const string FolderOutput = "Uplink.Output.Folder";

    /// <summary>Lays out a site and writes its configuration.</summary>
    /// <param name="root">The folder (created).</param>
    /// <param name="port">The ViewPoint API's port on 127.0.0.1 (0 picks a free one now).</param>
    /// <returns>The site.</returns>
    public static DemoSite Create(string root, int port = 0)
    {
        root = Path.GetFullPath(root);
        var store = Directory.CreateDirectory(Path.Combine(root, "viewpoint-store")).FullName;
        var data = Directory.CreateDirectory(Path.Combine(root, "data")).FullName;
        var output = Directory.CreateDirectory(Path.Combine(root, "output")).FullName;
        var config = Path.Combine(root, "uplink.json");
        var api = new Uri($"http://127.0.0.1:{(port == 0 ? FreePort() : port)}");
        var code = ExpertCodeCatalog.Load(ExpertCodeCatalog.DefaultPath).Find(ExpertCode)
            ?? throw new InvalidOperationException($"The expert code {ExpertCode} is missing from {ExpertCodeCatalog.DefaultPath}.");
        var input = code.Inputs[0];
        // The key setup would seal for the ViewPoint input; the demo's client presents it.
        var apiKey = Commands.Setup.SetupCommand.NewKey();
        var settings = new Dictionary<string, JsonObject>(StringComparer.Ordinal)
        {
            [input] = new JsonObject
            {
                ["Listen"] = api.ToString().TrimEnd('/'),
                ["ImageRoot"] = store,
                ["PathTemplate"] = "{imageId}.dcm",
                ["ApiKey"] = SiteFolder.SealSetting(data, input, "ApiKey", apiKey),
            },
            [FolderOutput] = new JsonObject { ["Root"] = output },
        };
        SiteFolder.SetUp(code with { Outputs = [FolderOutput], Settings = settings }, config, data, null);

        // Its own admin port, so a demo or a test never collides with an installed Uplink or another test.
        var admin = new Uri($"http://127.0.0.1:{FreePort()}");
        var written = JsonNode.Parse(File.ReadAllText(config))!.AsObject();
        written[UplinkOptions.SectionName]!["Admin"] = new JsonObject { ["Listen"] = admin.ToString().TrimEnd('/') };
        File.WriteAllText(config, written.ToJsonString(new() { WriteIndented = true }));
        return new DemoSite(root, store, data, output, config, api, apiKey, admin);
    }

    /// <summary>A free TCP port on 127.0.0.1.</summary>
    /// <returns>The port.</returns>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
