using Microsoft.Extensions.DependencyInjection;
using Uplink.Host.Commands;
using Uplink.Host.Commands.Profiles;

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
            .AddSingleton(TimeProvider.System)
            .AddSingleton<ConsoleOutput>()
            .AddSingleton<ProfileCatalog>()
            .AddSingleton<CommandDispatcher>()
            .Scan(scan => scan
                .FromAssemblyOf<ICommand>()
                .AddClasses(classes => classes.AssignableTo<ICommand>(), publicOnly: false)
                .As<ICommand>()
                .WithSingletonLifetime())
            .BuildServiceProvider();

        return await services.GetRequiredService<CommandDispatcher>().DispatchAsync(args, cancellation.Token);
    }
}
