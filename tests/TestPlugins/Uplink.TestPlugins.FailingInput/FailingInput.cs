using Uplink.Plugins.Abstractions;
using Uplink.Plugins.Abstractions.Inputs;

namespace Uplink.TestPlugins.FailingInput;

// Every run appends a line to runs.log in the plugin's data folder (so tests can count restarts), then throws.
internal sealed class FailingInput(IPluginContext context) : IInputPlugin
{
    public async Task RunAsync(IShareIntake intake, CancellationToken cancellationToken)
    {
        var log = Path.Combine(context.DataDirectory, "runs.log");
        await File.AppendAllTextAsync(log, "run\n", cancellationToken).ConfigureAwait(false);
        var runs = File.ReadAllLines(log).Length;
        throw new InvalidOperationException($"test input failed on run {runs}");
    }
}
