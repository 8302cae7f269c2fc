using System.Text.Json.Nodes;
using Uplink.Core.Configuration;
using Uplink.Core.Site;
using Uplink.Tricefy.Simulator;

namespace Uplink.Host.Demo;

/// <summary>
/// The Tricefy side of <c>uplink demo --tricefy</c> (and of the end-to-end tests): starts the in-repo
/// simulator on 127.0.0.1, storing under the site's folder, and points the site's configuration at it
/// with the Tricefy output in place of the folder output. The token is sealed like <c>uplink setup</c> does.
/// </summary>
internal sealed class DemoTricefy : IAsyncDisposable
{
    /// <summary>The Tricefy output's plugin id.</summary>
    public const string PluginId = "Uplink.Output.Tricefy";

    private DemoTricefy(TricefySimulator simulator) => Simulator = simulator;

    /// <summary>The running simulator.</summary>
    public TricefySimulator Simulator { get; }

    /// <summary>Starts the simulator and rewrites the site's configuration to upload to it.</summary>
    /// <param name="site">The site to configure.</param>
    /// <param name="settings">Further Tricefy settings (for example short retry delays in tests), or null.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running simulator, configured into the site.</returns>
    public static async Task<DemoTricefy> StartAsync(DemoSite site, JsonObject? settings = null, CancellationToken cancellationToken = default)
    {
        var storage = Directory.CreateDirectory(Path.Combine(site.Root, "tricefy")).FullName;
        var simulator = await TricefySimulator.StartAsync(new TricefySimulatorOptions { StorageDirectory = storage }, cancellationToken).ConfigureAwait(false);
        var plugin = new JsonObject
        {
            ["Endpoint"] = simulator.StudiesEndpoint.ToString(),
            ["ShareEndpoint"] = simulator.ShareEndpoint.ToString(),
            ["Email"] = simulator.Options.Email,
            ["Token"] = SiteFolder.SealSetting(site.DataDirectory, PluginId, "Token", simulator.Options.Token),
        };
        foreach (var (key, value) in settings ?? [])
        {
            plugin[key] = value?.DeepClone();
        }

        var root = JsonNode.Parse(File.ReadAllText(site.ConfigPath))!.AsObject();
        var uplink = root[UplinkOptions.SectionName]!.AsObject();
        uplink["Outputs"] = new JsonArray(PluginId);
        uplink["Plugins"]![PluginId] = plugin;
        File.WriteAllText(site.ConfigPath, root.ToJsonString(new() { WriteIndented = true }));
        return new DemoTricefy(simulator);
    }

    /// <summary>The stored file the simulator received for an instance.</summary>
    /// <param name="sopInstanceUid">The anonymized SOP Instance UID.</param>
    /// <returns>The stored path, or null when it did not arrive.</returns>
    public string? FindReceived(string sopInstanceUid) =>
        Simulator.Received.Instances.FirstOrDefault(i => i.SopInstanceUid == sopInstanceUid)?.StoredPath;

    /// <summary>Prints what the simulator received; the contact is compared, never printed.</summary>
    /// <param name="output">Where to write.</param>
    /// <param name="email">The e-mail ViewPoint sent.</param>
    /// <param name="phone">The phone ViewPoint sent.</param>
    public void WriteSummary(TextWriter output, string? email, string? phone)
    {
        var received = Simulator.Received;
        var duplicates = received.Instances.Count(i => i.TimesReceived > 1);
        output.WriteLine();
        output.WriteLine($"Tricefy simulator ({Simulator.StudiesEndpoint}) received {received.Instances.Count} instance(s) from {received.UploadRequests} upload request(s); {duplicates} duplicate(s), {received.Rejections.Count} refusal(s).");
        foreach (var instance in received.Instances.OrderBy(i => i.SopInstanceUid, StringComparer.Ordinal))
        {
            output.WriteLine($"   {instance.SopInstanceUid}  {instance.Length,12:N0} bytes  transfer syntax {instance.TransferSyntaxUid}");
        }

        foreach (var rejection in received.Rejections)
        {
            output.WriteLine($"   refused {rejection.Path}: {rejection.StatusCode} {rejection.Reason}");
        }

        if (received.Shares.Count == 0)
        {
            output.WriteLine("   patient-share hand-off: none arrived.");
        }

        foreach (var share in received.Shares)
        {
            output.WriteLine($"   patient-share hand-off for share {share.ShareId}: {share.InstanceCount} instance(s) in {share.StudyInstanceUids.Count} study(ies); "
                + $"recipient e-mail {Matches(share.Email, email)}, phone {Matches(share.Phone, phone)} (the contact itself is not shown).");
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => Simulator.DisposeAsync();

    private static string Matches(string? received, string? sent) => (received, sent) switch
    {
        (null or "", null or "") => "not sent",
        (null or "", _) => "MISSING",
        _ when string.Equals(received, sent, StringComparison.Ordinal) => "arrived as ViewPoint sent it",
        _ => "arrived but DIFFERS from what ViewPoint sent",
    };
}
