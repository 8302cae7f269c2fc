using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Uplink.Tricefy.Simulator;

namespace Uplink.Bench.Upload;

/// <summary>
/// <c>Uplink.Bench.Upload CORPUS RUNS [DICOMWEB_URL USER PASSWORD]</c>: builds the work sets from real corpus
/// files, then times Uplink's Tricefy output against the simulator and Uplink's STOW-RS output against
/// Orthanc, each next to a raw HttpClient sender doing only the HTTP, and prints markdown rows.
/// </summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        if (args.Length is not (2 or 5))
        {
            await Console.Error.WriteLineAsync("usage: Uplink.Bench.Upload CORPUS RUNS [DICOMWEB_URL USER PASSWORD]");
            return 2;
        }

        var runs = int.Parse(args[1], CultureInfo.InvariantCulture);
        var work = Path.Combine(Path.GetTempPath(), $"uplink-bench-upload-{Guid.NewGuid():N}");
        try
        {
            var sets = new[]
            {
                (Set: WorkSet.Build("small", Path.Combine(args[0], "us/atl_jpeg_baseline.dcm"), 300, Path.Combine(work, "small")), StowBatch: 50),
                (Set: WorkSet.Build("large", Path.Combine(args[0], "us/ge_cine_jpeg_baseline_87f.dcm"), 15, Path.Combine(work, "large")), StowBatch: 1),
            };
            Console.WriteLine("| set | target | sender | wall s median [min-max] | inst/s | MB/s | server s | Uplink overhead vs floor |");
            Console.WriteLine("|---|---|---|---|---|---|---|---|");
            foreach (var (set, stowBatch) in sets)
            {
                await SimulatorAsync(set, runs, work);
                if (args.Length == 5)
                {
                    await OrthancAsync(set, stowBatch, runs, new Uri(args[2]), args[3], args[4], work);
                }
            }

            return 0;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static async Task SimulatorAsync(WorkSet set, int runs, string work)
    {
        var (raw, uplink) = await PairedAsync(
            runs,
            async run =>
            {
                await using var simulator = await TricefySimulator.StartAsync();
                var wall = await Senders.RawTricefyAsync(simulator.StudiesEndpoint, simulator.Options.Email, simulator.Options.Token, set);
                return (wall, simulator.Received.UploadHandlingTime);
            },
            async run =>
            {
                await using var simulator = await TricefySimulator.StartAsync();
                var wall = await Senders.UplinkTricefyAsync(simulator.StudiesEndpoint, simulator.Options.Email, simulator.Options.Token, set, Path.Combine(work, $"tricefy-{set.Name}-{run}"));
                if (simulator.Received.Instances.Count != set.Instances.Count)
                {
                    throw new InvalidOperationException($"The simulator stored {simulator.Received.Instances.Count} of {set.Instances.Count}.");
                }

                return (wall, simulator.Received.UploadHandlingTime);
            });
        var floor = new Measurement("Tricefy simulator", "raw HttpClient, 1 file/request", set, raw.Walls, raw.Server);
        Console.WriteLine(floor.Row(null));
        Console.WriteLine(new Measurement("Tricefy simulator", "Uplink Tricefy output", set, uplink.Walls, uplink.Server).Row(floor));
    }

    private static async Task OrthancAsync(WorkSet set, int batch, int runs, Uri dicomWeb, string user, string password, string work)
    {
        using var admin = new HttpClient();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        var orthanc = new Uri(dicomWeb, "/");
        var (raw, uplink) = await PairedAsync(
            runs,
            async _ =>
            {
                await ResetAsync(admin, orthanc);
                return (await Senders.RawStowAsync(dicomWeb, user, password, batch, set), TimeSpan.Zero);
            },
            async run =>
            {
                await ResetAsync(admin, orthanc);
                var wall = await Senders.UplinkStowAsync(dicomWeb, user, password, batch, set, Path.Combine(work, $"stow-{set.Name}-{run}"));
                var count = JsonSerializer.Deserialize<List<string>>(await admin.GetStringAsync(new Uri(orthanc, "instances")))!.Count;
                if (count != set.Instances.Count)
                {
                    throw new InvalidOperationException($"Orthanc holds {count} of {set.Instances.Count} instances.");
                }

                return (wall, TimeSpan.Zero);
            });
        var floor = new Measurement("Orthanc STOW-RS", $"raw HttpClient, {batch}/request", set, raw.Walls, []);
        Console.WriteLine(floor.Row(null));
        Console.WriteLine(new Measurement("Orthanc STOW-RS", $"Uplink STOW-RS output, {batch}/request", set, uplink.Walls, []).Row(floor));
    }

    private static async Task ResetAsync(HttpClient admin, Uri orthanc)
    {
        foreach (var id in JsonSerializer.Deserialize<List<string>>(await admin.GetStringAsync(new Uri(orthanc, "patients")))!)
        {
            (await admin.DeleteAsync(new Uri(orthanc, $"patients/{id}"))).EnsureSuccessStatusCode();
        }
    }

    /// <summary>Runs the floor and Uplink alternately (after one warm-up of each), so machine noise hits both alike.</summary>
    private static async Task<(Series Floor, Series Uplink)> PairedAsync(int runs, Func<int, Task<(TimeSpan Wall, TimeSpan Server)>> floor, Func<int, Task<(TimeSpan Wall, TimeSpan Server)>> uplink)
    {
        await floor(-1);
        await uplink(-1);
        var a = new Series([], []);
        var b = new Series([], []);
        for (var i = 0; i < runs; i++)
        {
            a.Add(await floor(i));
            b.Add(await uplink(i));
        }

        return (a, b);
    }
}
