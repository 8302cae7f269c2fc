using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Uplink.Host.Demo;
using Uplink.Host.Tests.EndToEnd.Support;
using Uplink.Tricefy.Simulator;

namespace Uplink.Host.Tests.EndToEnd;

/// <summary>
/// An upgrade: the data folder the build of 4d3dc47 made (<c>Upgrade/DataFolderFrom4d3dc47</c>: its setup, a plain
/// ViewPoint key file, one share queued while Tricefy was down) opens under the new <c>uplink run</c>; the key is
/// migrated to a sealed setting and ViewPoint's key still authenticates, and the queued share completes to the
/// Tricefy simulator.
/// </summary>
public sealed class UpgradeTests : IDisposable
{
    private const string MadeAt = "/tmp/uplink-upgrade-site";
    private const string QueuedShare = "01a24a17033174dfa7c69cfef7ec28ae";
    private readonly string _root = Directory.CreateTempSubdirectory("uplink-upgrade-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public async Task A_data_folder_from_the_previous_build_keeps_its_ViewPoint_key_now_sealed_and_its_queued_share_completes()
    {
        var cancel = TestContext.Current.CancellationToken;
        CopyFixture();
        var data = Path.Combine(_root, "data");
        var legacyKeyFile = Path.Combine(data, "secrets", "viewpoint-api.key");
        var oldKey = (await File.ReadAllTextAsync(legacyKeyFile, cancel)).Trim();
        await using var tricefy = await TricefySimulator.StartAsync(new TricefySimulatorOptions { StorageDirectory = Directory.CreateDirectory(Path.Combine(_root, "tricefy")).FullName }, cancel);
        var (configPath, api) = Relocate(tricefy);
        var console = new ConcurrentQueue<string>();

        using var process = UplinkProcess.Run(configPath, console);
        using var viewPoint = new DemoViewPointClient(api, oldKey, TimeProvider.System);
        await viewPoint.WaitUntilListeningAsync(TimeSpan.FromSeconds(45), cancel);
        var final = await viewPoint.WaitForEndAsync(QueuedShare, TimeSpan.FromSeconds(60), cancel);
        using var wrongKey = await GetAsync(api, $"/api/v1/shares/{QueuedShare}", "not-the-site-key-0123456789abcdefghijkl", cancel);
        process.Stop();

        Assert.Equal("completed", final.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, wrongKey.StatusCode);
        var viewPointSettings = JsonNode.Parse(await File.ReadAllTextAsync(configPath, cancel))!["Uplink"]!["Plugins"]!["Uplink.Input.ViewPoint"]!.AsObject();
        Assert.Equal("sealed:uplink.input.viewpoint.apikey", viewPointSettings["ApiKey"]!.GetValue<string>());
        Assert.Null(viewPointSettings["ApiKeyFile"]);
        Assert.False(File.Exists(legacyKeyFile));
        Assert.Contains(console, line => line.Contains("is now the sealed setting sealed:uplink.input.viewpoint.apikey", StringComparison.Ordinal));
        Assert.DoesNotContain(console, line => line.Contains(oldKey, StringComparison.Ordinal));
        foreach (var file in Directory.EnumerateFiles(data, "*", SearchOption.AllDirectories))
        {
            Assert.DoesNotContain(oldKey, await File.ReadAllTextAsync(file, cancel), StringComparison.Ordinal);
        }

        var received = Assert.Single(tricefy.Received.Instances);
        Assert.Equal(1, received.TimesReceived);
        var share = Assert.Single(tricefy.Received.Shares);
        Assert.Equal(QueuedShare, share.ShareId);
        Assert.Equal("patient@example.org", share.Email);
    }

    private void CopyFixture()
    {
        var fixture = Path.Combine(Uplink.Tests.Shared.RepositoryLayout.Root(), "tests", "Uplink.Host.Tests", "EndToEnd", "Upgrade", "DataFolderFrom4d3dc47");
        foreach (var file in Directory.EnumerateFiles(fixture, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith("README.md", StringComparison.Ordinal)))
        {
            var target = Path.Combine(_root, Path.GetRelativePath(fixture, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        if (!OperatingSystem.IsWindows())
        {
            // A checkout does not keep the owner-only modes the build gave the secrets.
            File.SetUnixFileMode(Path.Combine(_root, "data", "secrets"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    /// <summary>Moves the site like a restore to another disk: paths the old build recorded, and this run's ports.</summary>
    private (string ConfigPath, Uri Api) Relocate(TricefySimulator tricefy)
    {
        var configPath = Path.Combine(_root, "uplink.json");
        var config = JsonNode.Parse(File.ReadAllText(configPath).Replace(MadeAt, _root, StringComparison.Ordinal))!.AsObject();
        var uplink = config["Uplink"]!.AsObject();
        var api = new Uri($"http://127.0.0.1:{DemoSite.FreePort()}");
        uplink["Plugins"]!["Uplink.Input.ViewPoint"]!["Listen"] = api.ToString().TrimEnd('/');
        uplink["Plugins"]!["Uplink.Output.Tricefy"]!["Endpoint"] = tricefy.StudiesEndpoint.ToString();
        uplink["Plugins"]!["Uplink.Output.Tricefy"]!["ShareEndpoint"] = tricefy.ShareEndpoint.ToString();
        uplink["Admin"] = new JsonObject { ["Listen"] = $"http://127.0.0.1:{DemoSite.FreePort()}" };
        File.WriteAllText(configPath, config.ToJsonString());

        using var connection = new SqliteConnection($"Data Source={Path.Combine(_root, "data", "uplink-shares.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE images SET source_path = replace(source_path, $old, $new), anonymized_path = replace(anonymized_path, $old, $new)";
        command.Parameters.AddWithValue("$old", MadeAt);
        command.Parameters.AddWithValue("$new", _root);
        Assert.Equal(1, command.ExecuteNonQuery());
        return (configPath, api);
    }

    private static async Task<HttpResponseMessage> GetAsync(Uri api, string path, string key, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = api };
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return await http.SendAsync(request, cancellationToken);
    }
}
