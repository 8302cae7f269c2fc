using Microsoft.Extensions.DependencyInjection;
using Uplink.Plugins.Abstractions;
using Uplink.Plugins.Abstractions.Outputs;

namespace Uplink.Output.Folder;

/// <summary>The folder output plugin's entry point: binds its settings and registers the output.</summary>
public sealed class FolderPlugin : IUplinkPlugin
{
    /// <inheritdoc />
    public void ConfigureServices(IServiceCollection services, IPluginContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = FolderOutputOptions.Bind(context.Settings);
        services.AddSingleton(options);
        services.AddSingleton<IOutputPlugin, FolderOutput>();
    }
}
