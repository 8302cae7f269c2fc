using Microsoft.Extensions.DependencyInjection;
using Uplink.Output.Tricefy.Delivery;
using Uplink.Output.Tricefy.Http;
using Uplink.Output.Tricefy.Setup;
using Uplink.Output.Tricefy.Sharing;
using Uplink.Plugins.Abstractions;
using Uplink.Plugins.Abstractions.Outputs;
using Uplink.Plugins.Abstractions.Setup;
using Uplink.Plugins.Shared.Http;

namespace Uplink.Output.Tricefy;

/// <summary>
/// The Tricefy output plugin's entry point: binds and validates its settings and registers the uploader; tells
/// <c>uplink setup</c> what to ask (endpoint, e-mail, sealed token) and checks the credentials with Tricefy's GET.
/// </summary>
public sealed class TricefyPlugin : IUplinkPlugin, IPluginSetup
{
    /// <inheritdoc />
    public IReadOnlyList<SetupSetting> Settings => TricefySetup.Settings;

    /// <inheritdoc />
    public Task<SetupCheck> CheckAsync(IPluginContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return TricefySetup.CheckAsync(context.Settings, cancellationToken);
    }

    /// <inheritdoc />
    public void ConfigureServices(IServiceCollection services, IPluginContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = TricefyOptions.Bind(context.Settings);
        var resilience = UploadResilienceOptions.Bind(context.Settings, TricefyOptions.Owner, new UploadResilienceOptions { RequestTimeout = TricefyOptions.ConnectionLimit }, TricefyOptions.ConnectionLimit);
        services.AddSingleton(options);
        UploadHttpClient.Add(services, TricefyClient.ClientName, TricefyClient.Destination(options), resilience, context.Time)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                // Tricefy allows 60 s per connection: retire pooled connections before the server cuts one mid-request.
                PooledConnectionLifetime = TimeSpan.FromSeconds(45),
                ConnectTimeout = TimeSpan.FromSeconds(15),
            });
        services.AddSingleton<TricefyClient>();
        services.AddSingleton(new DeliveryLedger(context.DataDirectory, context.Time));
        var staging = Path.Combine(context.DataDirectory, "staging");
        if (Directory.Exists(staging))
        {
            // Rewritten files and clip parts left by versions that reshaped files here: the host shapes them now.
            Directory.Delete(staging, recursive: true);
        }

        services.AddSingleton<TricefyShareHandoff>();
        services.AddSingleton<IOutputPlugin, TricefyOutput>();
    }
}
