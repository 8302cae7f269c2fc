using Microsoft.Extensions.DependencyInjection;
using Uplink.Host.Commands;

namespace Uplink.Host;

/// <summary>The `uplink` command.</summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };

        await using var services = new ServiceCollection()
            .AddUplinkCommandLine(new ConsoleOutput())
            .BuildServiceProvider();

        return await services.GetRequiredService<UplinkCommandLine>().InvokeAsync(args, cancellation.Token);
    }
}
