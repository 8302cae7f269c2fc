using System.Text.Json.Nodes;
using Uplink.Core.Secrets;
using Uplink.Host.Demo;
using Uplink.Host.Tests.EndToEnd.Support;
using Uplink.Host.Tests.Plugins;

namespace Uplink.Host.Tests.Hosting.Admin;

/// <summary>
/// A real <c>uplink run</c> for the admin page's tests, shared by a test class: a vendor plugin dropped into its
/// plugins folder without being trusted (so it is refused), and one share of four images carrying the planted
/// patient values and contact: two good ones, one truncated file (set aside: not valid DICOM) and one whose file
/// is moved away as soon as the share is accepted (failed: with one processing attempt allowed, fetching it fails
/// for good). <see cref="HealLateImage"/> puts that file back, so a retry can send it.
/// </summary>
public sealed class AdminPageSite : IAsyncLifetime
{
    /// <summary>The untrusted plugin the page must show refused.</summary>
    public const string RefusedPlugin = "Uplink.TestPlugins.Echo";

    /// <summary>The exam id ViewPoint sends: a patient value that the page may show only hashed.</summary>
    public const string PlantedExamId = "EXAM-PLANTED-4471";

    private string _lateFile = string.Empty;

    internal EndToEndSite Host { get; } = new(images: 2, frames: 30, workers: 1);

    /// <summary>The share's id.</summary>
    public string ShareId { get; private set; } = string.Empty;

    /// <summary>The admin listener.</summary>
    public Uri AdminUrl => Host.Site.AdminUrl;

    /// <summary>The admin key from setup.</summary>
    public string AdminKey => SiteSecrets.ReadAdminKey(Host.Site.DataDirectory)!;

    /// <summary>Every value that must appear on no page.</summary>
    public static IReadOnlyList<string> PlantedValues { get; } =
        [DemoPatient.Name, DemoPatient.Id, DemoPatient.Email, DemoPatient.Phone, PlantedExamId, "jane.doe"];

    public async ValueTask InitializeAsync()
    {
        var cancel = TestContext.Current.CancellationToken;
        Host.SetPipeline("MaxProcessingAttempts", "1");
        Host.SetPipeline("RetryBaseDelay", "00:00:00.100");
        Host.SetPipeline("RetryMaxDelay", "00:00:00.500");
        UsePluginsWithAnUntrustedOne();

        var store = Host.Site.ImageStore;
        var good = File.ReadAllBytes(Host.Exam[0].Path);
        File.WriteAllBytes(Path.Combine(store, "US-BROKEN.dcm"), good[..600]);
        var late = DemoExamGenerator.WriteSeries(store, "LATE", 1, 1)[0];
        _lateFile = late.Path;
        await Host.StartAsync();

        string[] images = [.. Host.Exam.Select(i => i.ImageId), "US-BROKEN", late.ImageId];
        var (status, body) = await Host.Client.ShareAsync("admin-page-1", PlantedExamId, images, DemoPatient.Email, DemoPatient.Phone, cancel);
        if (status != System.Net.HttpStatusCode.Accepted)
        {
            throw new InvalidOperationException($"the share was not accepted: {status} {body}");
        }

        // One worker takes the images in order, and the two before it take long enough: the file is gone when its turn comes.
        File.Move(_lateFile, _lateFile + ".away");
        ShareId = body.GetProperty("shareId").GetString()!;
        await Host.Client.WaitForEndAsync(ShareId, TimeSpan.FromSeconds(60), cancel);
    }

    /// <summary>Puts the moved file back, as an admin would once the image store is fixed.</summary>
    public void HealLateImage() => File.Move(_lateFile + ".away", _lateFile);

    public ValueTask DisposeAsync()
    {
        Host.Dispose();
        return ValueTask.CompletedTask;
    }

    private void UsePluginsWithAnUntrustedOne()
    {
        var plugins = Path.Combine(Host.Site.Root, "plugins");
        Copy(Path.Combine(UplinkProcess.HostFolder, "plugins"), plugins);
        Copy(Path.Combine(PluginSandbox.TestPluginsFolder, RefusedPlugin), Path.Combine(plugins, RefusedPlugin));
        var config = JsonNode.Parse(File.ReadAllText(Host.Site.ConfigPath))!.AsObject();
        config["Uplink"]!["PluginsDirectory"] = plugins;
        File.WriteAllText(Host.Site.ConfigPath, config.ToJsonString());
    }

    private static void Copy(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }
}
