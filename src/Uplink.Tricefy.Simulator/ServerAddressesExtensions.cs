using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Uplink.Tricefy.Simulator;

/// <summary>Reads the addresses Kestrel actually bound (port 0 becomes a real port).</summary>
internal static class ServerAddressesExtensions
{
    public static IServerAddressesFeature GetRequiredServiceFeature(this IServiceProvider services) =>
        services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()
        ?? throw new InvalidOperationException("Kestrel did not report the addresses it listens on.");
}
