using System.Globalization;
using System.Text.Json.Nodes;
using Uplink.Tests.Shared;

namespace Uplink.Host.Tests.EndToEnd.Support;

/// <summary>Turns an end-to-end site's host into a DICOM node (the DicomStore input beside the ViewPoint one) and sends to it with storescu.</summary>
internal static class DicomReceiver
{
    public const string InputId = "Uplink.Input.DicomStore";

    /// <summary>Adds the C-STORE receiver on <paramref name="port"/>, routing quiet studies when <paramref name="quietSeconds"/> is given.</summary>
    public static void Enable(EndToEndSite host, int port, double? quietSeconds) => host.Edit(uplink =>
    {
        // The ViewPoint input stays: its API answering is how a test knows the host is up.
        uplink["Inputs"] = new JsonArray("Uplink.Input.ViewPoint", InputId);
        uplink["Plugins"]![InputId] = new JsonObject
        {
            ["AeTitle"] = "UPLINK",
            ["Port"] = port,
            ["AllowedCallingAeTitles"] = new JsonArray("STORESCU"),
            ["RouteStudies"] = quietSeconds is not null,
            ["StudyQuietSeconds"] = quietSeconds ?? 30,
        };
    });

    /// <summary>The receiver's store folder.</summary>
    public static string StoreFolder(EndToEndSite host) => Path.Combine(host.Site.DataDirectory, "plugins", InputId, "instances");

    /// <summary>storescu's arguments to send <paramref name="files"/> to Uplink on <paramref name="port"/>.</summary>
    public static string[] StorescuArguments(int port, IEnumerable<string> files) =>
        ["-aet", "STORESCU", "-aec", "UPLINK", "127.0.0.1", port.ToString(CultureInfo.InvariantCulture), .. files];

    /// <summary>Sends with storescu, retrying while the receiver is still starting (connection refused).</summary>
    public static async Task SendAsync(int port, IEnumerable<string> files, CancellationToken ct)
    {
        var output = string.Empty;
        for (var attempt = 0; attempt < 30; attempt++)
        {
            (var exit, output) = await DcmtkTool.RunAsync(TimeSpan.FromSeconds(120), "storescu", StorescuArguments(port, files));
            if (exit == 0)
            {
                return;
            }

            await Task.Delay(500, ct);
        }

        Assert.Fail($"storescu could not send to Uplink: {output}");
    }
}
