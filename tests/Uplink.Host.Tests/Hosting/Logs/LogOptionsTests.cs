using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Uplink.Host.Commands;
using Uplink.Host.Demo;
using Uplink.Host.Hosting;
using Uplink.Host.Hosting.Logs;
using Uplink.Host.Tests.Commands;

namespace Uplink.Host.Tests.Hosting.Logs;

public sealed class LogOptionsTests : IDisposable
{
    private readonly DemoSite _site = DemoSite.Create(Directory.CreateTempSubdirectory("uplink-logs-").FullName);

    public void Dispose() => Directory.Delete(_site.Root, recursive: true);

    [Fact]
    public void The_log_keeps_no_more_files_than_configured_and_rolls_each_at_its_size_limit()
    {
        SetLogs(new JsonObject { ["RetainedFileCount"] = 3, ["FileSizeLimitBytes"] = 2048, ["RollOnFileSizeLimit"] = true });

        WriteEvents(200);

        var files = Directory.GetFiles(Path.Combine(_site.DataDirectory, "logs"));
        Assert.Equal(3, files.Length);

        // A file may pass the limit by the one event that crossed it, never by more.
        Assert.All(files, f => Assert.InRange(new FileInfo(f).Length, 1, 2048 + 200));
        Assert.Contains("event 0199", string.Concat(files.Select(File.ReadAllText)), StringComparison.Ordinal);
        Assert.DoesNotContain("event 0000", string.Concat(files.Select(File.ReadAllText)), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_rolling_the_file_stops_growing_at_its_size_limit()
    {
        SetLogs(new JsonObject { ["FileSizeLimitBytes"] = 2048, ["RollOnFileSizeLimit"] = false });

        WriteEvents(200);

        var file = Assert.Single(Directory.GetFiles(Path.Combine(_site.DataDirectory, "logs")));
        Assert.InRange(new FileInfo(file).Length, 1024, 2048 + 200);
    }

    [Theory]
    [InlineData("RetainedFileCount", "0", "Uplink:Logs:RetainedFileCount (0) must be between 1 and 3650")]
    [InlineData("FileSizeLimitBytes", "100", "Uplink:Logs:FileSizeLimitBytes (100) must be at least 1024")]
    [InlineData("RetainedFileCount", "many", "'Uplink:Logs:RetainedFileCount'")]
    public async Task A_log_setting_out_of_range_stops_uplink_run_at_start_naming_it(string key, string value, string expected)
    {
        SetLogs(new JsonObject { [key] = value });
        var error = new StringWriter();

        var code = await new RunCommand(new ConsoleOutput(new StringWriter(), error)).RunAsync(["--config", _site.ConfigPath], TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.Failed, code);
        Assert.Contains("uplink run: the configuration is not valid: ", error.ToString(), StringComparison.Ordinal);
        Assert.Contains(expected, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_defaults_keep_a_month_of_files_of_at_most_100_MB_each_and_are_valid()
    {
        var options = new LogOptions();

        Assert.Equal(31, options.RetainedFileCount);
        Assert.Equal(100L * 1024 * 1024, options.FileSizeLimitBytes);
        Assert.True(options.RollOnFileSizeLimit);
        Assert.True(new LogOptionsValidator().Validate(null, options).Succeeded);
    }

    // Through the host's own logger factory, as every component logs; disposing the host flushes the file.
    private void WriteEvents(int count)
    {
        using var host = UplinkHostFactory.Build(UplinkConfigurationSource.Load(_site.ConfigPath));
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Uplink.Tests.Logs");
        var padding = new string('x', 40);
        for (var i = 0; i < count; i++)
        {
#pragma warning disable CA1848 // a test writes plain events
            logger.LogWarning("event {Number:D4} padded to about a hundred bytes {Padding}", i, padding);
#pragma warning restore CA1848
        }
    }

    private void SetLogs(JsonObject logs)
    {
        var config = JsonNode.Parse(File.ReadAllText(_site.ConfigPath))!.AsObject();
        config["Uplink"]!["Logs"] = logs;
        File.WriteAllText(_site.ConfigPath, config.ToJsonString());
    }
}
