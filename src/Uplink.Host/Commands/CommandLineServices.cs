using Microsoft.Extensions.DependencyInjection;
using Uplink.Host.Commands.Profiles;

namespace Uplink.Host.Commands;

/// <summary>Registers the command line: every <see cref="ICommand"/> in this assembly, found by scanning, and the parser over them.</summary>
internal static class CommandLineServices
{
    /// <summary>Adds the verbs, what they share, and <see cref="UplinkCommandLine"/>.</summary>
    /// <param name="services">The process's services.</param>
    /// <param name="console">Where the verbs write.</param>
    /// <returns>The same services.</returns>
    public static IServiceCollection AddUplinkCommandLine(this IServiceCollection services, ConsoleOutput console) => services
        .AddSingleton(TimeProvider.System)
        .AddSingleton(console)
        .AddSingleton<ProfileCatalog>()
        .AddSingleton<UplinkCommandLine>()
        .Scan(scan => scan
            .FromAssemblyOf<ICommand>()
            .AddClasses(classes => classes.AssignableTo<ICommand>(), publicOnly: false)
            .As<ICommand>()
            .WithSingletonLifetime());
}
