using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Uplink.Output.Tricefy;
using Uplink.Plugins.Abstractions.Inputs;
using Uplink.Plugins.Abstractions.Outputs;
using Uplink.Plugins.Tests.Support;
using Uplink.Tricefy.Simulator.Faults;

namespace Uplink.Plugins.Tests.Outputs.Tricefy;

/// <summary>Whatever happens, the log never carries the token or the patient's contact.</summary>
public sealed class TricefyLoggingTests
{
    private const string Email = "log.leak.check@example.org";
    private const string Phone = "+46709998877";

    [Fact]
    public async Task AShareWithFaultsRefusalsAndAHandoff_LogsNeitherTheTokenNorTheContact()
    {
        await using var scope = await SimulatorScope.StartAsync();
        using var capture = new CapturingLoggerProvider();
        var output = CreateOutput(scope, capture);
        scope.Simulator.Faults.Enqueue(FaultKind.ServiceUnavailable, 2);
        scope.Simulator.Faults.Enqueue(FaultKind.DropConnection);
        var batch = new[] { scope.Instance("2.25.901"), scope.Instance("2.25.902", sopClassUid: "1.2.840.10008.5.1.4.1.1.2"), scope.Instance("2.25.903") };

        await output.DeliverAsync(batch, TestContext.Current.CancellationToken);
        await output.DeliverAsync(batch, TestContext.Current.CancellationToken); // the host's retry, after the faults
        await output.CompleteShareAsync(new ShareCompletion("share-1", new ShareRecipient(Email, Phone), ["2.25.1"], 2), TestContext.Current.CancellationToken);
        scope.Simulator.Faults.Enqueue(FaultKind.Unauthorized);
        await output.DeliverAsync([scope.Instance("2.25.904")], TestContext.Current.CancellationToken);

        Assert.Single(scope.Simulator.Received.Shares);
        Assert.True(capture.Lines.Count >= 4, $"only {capture.Lines.Count} log lines: the test would prove nothing");
        Assert.All(capture.Lines, line =>
        {
            Assert.DoesNotContain(scope.Simulator.Options.Token, line, StringComparison.Ordinal);
            Assert.DoesNotContain(Email, line, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(Phone, line, StringComparison.Ordinal);
        });
    }

    private static IOutputPlugin CreateOutput(SimulatorScope scope, CapturingLoggerProvider capture)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(capture));
        var data = scope.Temp.Combine("logged");
        Directory.CreateDirectory(data);
        new TricefyPlugin().ConfigureServices(services, new TestPluginContext("tricefy", scope.Settings(), data));
        return services.BuildServiceProvider().GetRequiredService<IOutputPlugin>();
    }
}
