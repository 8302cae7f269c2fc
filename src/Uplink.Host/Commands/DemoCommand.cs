using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Uplink.Core.Shares.Administration;
using Uplink.Host.Demo;
using Uplink.Host.Hosting;

namespace Uplink.Host.Commands;

/// <summary>
/// <c>uplink demo [--folder DIR] [--tricefy]</c>: the whole path with no set-up. Generates an ultrasound exam,
/// starts the host as <c>uplink run</c> would (Anon-LPU-O, the ViewPoint input, the folder output) in a
/// temporary folder, shares the exam over the ViewPoint API like ViewPoint, waits for it, and prints
/// what went in beside what came out. With <c>--tricefy</c> the Tricefy output uploads to the in-repo
/// simulator instead, and the demo also prints what the simulator received.
/// </summary>
/// <param name="console">Where the report goes.</param>
/// <param name="time">The clock.</param>
internal sealed class DemoCommand(ConsoleOutput console, TimeProvider time) : ICommand
{
    private readonly Option<string> _folder = new("--folder")
    {
        Description = "Where the demo site goes (default: a new folder under the temporary folder).",
        HelpName = "DIR",
    };

    private readonly Option<bool> _tricefy = new("--tricefy")
    {
        Description = "Upload with the Tricefy output to the in-repo simulator instead of the folder output.",
    };

    /// <inheritdoc />
    public string Name => "demo";

    /// <inheritdoc />
    public string Summary => "Shares a generated ultrasound exam end to end and shows what went in and out.";

    /// <inheritdoc />
    public string Failure => "the share did not complete";

    /// <inheritdoc />
    public IReadOnlyList<Symbol> Symbols => [_folder, _tricefy];

    /// <inheritdoc />
    public async Task<int> RunAsync(ParseResult parsed, CancellationToken cancellationToken)
    {
        var tricefy = parsed.GetValue(_tricefy);
        var root = parsed.GetValue(_folder) ?? Path.Combine(Path.GetTempPath(), $"uplink-demo-{time.GetUtcNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}");
        var site = DemoSite.Create(root);
        var exam = DemoExamGenerator.Write(site.ImageStore);
        var o = console.Out;
        await o.WriteLineAsync($"Uplink demo in {site.Root}").ConfigureAwait(false);
        await o.WriteLineAsync($"  exam: {exam.Count} files in {site.ImageStore} (planted patient {DemoPatient.Name}, ID {DemoPatient.Id})").ConfigureAwait(false);
        await using var simulator = tricefy ? await DemoTricefy.StartAsync(site, cancellationToken: cancellationToken).ConfigureAwait(false) : null;
        var destination = simulator is null
            ? $"folder output in {site.OutputDirectory}"
            : $"Tricefy output to the simulator at {simulator.Simulator.StudiesEndpoint} (storing in {simulator.Simulator.StorageDirectory})";
        await o.WriteLineAsync($"  host: expert code {DemoSite.ExpertCode}, ViewPoint API on {site.ApiUrl}, {destination}").ConfigureAwait(false);

        using var host = UplinkHostFactory.Build(UplinkConfigurationSource.Load(site.ConfigPath));
        await host.StartAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await ShareAsync(host, site, exam, simulator, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
            await o.WriteLineAsync($"{Environment.NewLine}Everything the demo made is in {site.Root} (the anonymized files under {(simulator is null ? "output" : "tricefy")}/).").ConfigureAwait(false);
        }
    }

    private async Task<int> ShareAsync(IHost host, DemoSite site, IReadOnlyList<DemoImage> exam, DemoTricefy? simulator, CancellationToken cancellationToken)
    {
        var o = console.Out;
        using var viewPoint = new DemoViewPointClient(site.ApiUrl, site.ApiKey, time);
        await viewPoint.WaitUntilListeningAsync(TimeSpan.FromSeconds(30), cancellationToken).ConfigureAwait(false);
        var (status, body) = await viewPoint.ShareAsync("demo-request-1", "demo-exam-1", exam.Select(i => i.ImageId), DemoPatient.Email, DemoPatient.Phone, cancellationToken).ConfigureAwait(false);
        await o.WriteLineAsync($"{Environment.NewLine}POST /api/v1/shares -> {(int)status} {body}").ConfigureAwait(false);
        if (status != System.Net.HttpStatusCode.Accepted)
        {
            return ExitCodes.Failed;
        }

        var shareId = body.GetProperty("shareId").GetString()!;
        var final = await viewPoint.WaitForEndAsync(shareId, TimeSpan.FromMinutes(2), cancellationToken).ConfigureAwait(false);
        await o.WriteLineAsync($"GET /api/v1/shares/{shareId} -> {final}").ConfigureAwait(false);
        var outcomes = host.Services.GetRequiredService<ShareAdministration>().Instances(shareId);
        if (simulator is null)
        {
            DemoReport.Write(o, exam, outcomes, DemoReport.InFolder(site.OutputDirectory), site.OutputDirectory, site.Pictures);
        }
        else
        {
            DemoReport.Write(o, exam, outcomes, simulator.FindReceived, simulator.Simulator.StorageDirectory, site.Pictures);
            simulator.WriteSummary(o, DemoPatient.Email, DemoPatient.Phone);
        }

        return final.GetProperty("status").GetString() == "completed" ? ExitCodes.Success : ExitCodes.Failed;
    }
}
