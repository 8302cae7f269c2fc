using McMaster.NETCore.Plugins;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Uplink.Dicom;
using Uplink.Plugins.Abstractions;

namespace Uplink.Core.Plugins.Loading;

/// <summary>
/// Loads each plugin with McMaster.NETCore.Plugins into its own context. Only the contracts,
/// <c>Uplink.Dicom</c> and the Microsoft.Extensions abstractions they expose (dependency injection,
/// logging, configuration, primitives) are shared with the host; everything else a plugin ships,
/// it gets from its own folder, so two plugins may use different versions of one library.
/// </summary>
internal sealed class McMasterPluginAssemblyLoader : IPluginAssemblyLoader
{
    /// <summary>The types whose assemblies (and their dependency closure) are shared with plugins.</summary>
    internal static readonly Type[] SharedTypes =
    [
        typeof(IUplinkPlugin),
        typeof(DicomFile),
        typeof(IServiceCollection),
        typeof(ILogger),
        typeof(IConfiguration),
    ];

    /// <inheritdoc />
    public PluginAssembly Load(string entryAssemblyPath)
    {
        var loader = PluginLoader.CreateFromAssemblyFile(entryAssemblyPath, isUnloadable: false, SharedTypes);
        try
        {
            var assembly = loader.LoadDefaultAssembly();
            return new PluginAssembly(assembly, loader.LoadContext, loader);
        }
        catch
        {
            loader.Dispose();
            throw;
        }
    }
}
