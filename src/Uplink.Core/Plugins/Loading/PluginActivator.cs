using System.Diagnostics;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Uplink.Core.Plugins.Manifest;
using Uplink.Core.Plugins.Supervision;
using Uplink.Plugins.Abstractions;
using Uplink.Plugins.Abstractions.Inputs;
using Uplink.Plugins.Abstractions.Outputs;
using Uplink.Plugins.Abstractions.Profiles;
using Uplink.Plugins.Abstractions.Setup;

namespace Uplink.Core.Plugins.Loading;

/// <summary>
/// Loads one trusted plugin into its own context and builds its own service provider. Every step is
/// contained: a throw refuses this plugin with a status and a reason, never the host.
/// </summary>
/// <param name="loader">The assembly loader seam.</param>
/// <param name="loggerFactory">The host's logger factory, handed to the plugin.</param>
/// <param name="time">The host's clock, handed to the plugin.</param>
internal sealed class PluginActivator(IPluginAssemblyLoader loader, ILoggerFactory loggerFactory, TimeProvider time)
{
    /// <summary>Loads and configures a plugin.</summary>
    /// <param name="manifest">Its manifest.</param>
    /// <param name="directory">Its folder.</param>
    /// <param name="settings">Its settings section.</param>
    /// <param name="dataDirectory">Its own data folder (created here).</param>
    /// <returns>The loaded plugin, or why it was refused.</returns>
    public ActivationResult Activate(PluginManifest manifest, string directory, IConfiguration settings, string dataDirectory)
    {
        var clock = Stopwatch.StartNew();
        PluginAssembly assembly;
        Type entryType;
        try
        {
            assembly = loader.Load(Path.GetFullPath(Path.Combine(directory, manifest.EntryAssembly)));
        }
        catch (Exception ex)
        {
            return ActivationResult.Refused(PluginStatus.LoadFailed, $"{manifest.EntryAssembly} could not be loaded: {Describe(ex)}");
        }

        try
        {
            entryType = FindEntryType(assembly.EntryAssembly, manifest.EntryAssembly);
        }
        catch (Exception ex) when (ex is ReflectionTypeLoadException or TypeLoadException or FileNotFoundException or FileLoadException or InvalidOperationException)
        {
            assembly.Dispose();
            return ActivationResult.Refused(PluginStatus.LoadFailed, Describe(ex));
        }

        ServiceProvider? provider = null;
        GuardedPluginSetup? setup = null;
        try
        {
            var entry = (IUplinkPlugin)Activator.CreateInstance(entryType, nonPublic: true)!;
            Directory.CreateDirectory(dataDirectory);

            // Read before configuring: a plugin refused for a missing setting is set up through this.
            setup = entry is IPluginSetup declared
                ? new GuardedPluginSetup(manifest.Id, declared, settings, dataDirectory, time, loggerFactory.CreateLogger("Uplink.Plugins"))
                : null;
            var context = new PluginContext(manifest.Id, settings, dataDirectory, time);
            var services = new ServiceCollection()
                .AddSingleton(loggerFactory)
                .AddSingleton(typeof(ILogger<>), typeof(Logger<>))
                .AddSingleton(time)
                .AddSingleton<IPluginContext>(context);
            entry.ConfigureServices(services, context);
            provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
            var loaded = new LoadedPlugin(manifest, directory, assembly, provider, clock.Elapsed);
            var missing = MissingKinds(manifest, loaded);
            if (missing is not null)
            {
                loaded.Dispose();
                return ActivationResult.Refused(PluginStatus.ConfigureFailed, missing);
            }

            return new ActivationResult(loaded, PluginStatus.Loaded, null) { Setup = setup };
        }
        catch (Exception ex)
        {
            provider?.Dispose();
            var reason = $"threw while configuring its services: {Describe(ex)}";
            if (setup is null)
            {
                assembly.Dispose();
                return ActivationResult.Refused(PluginStatus.ConfigureFailed, reason);
            }

            setup.Own(assembly);
            return ActivationResult.Refused(PluginStatus.ConfigureFailed, reason) with { Setup = setup };
        }
    }

    private static Type FindEntryType(Assembly assembly, string fileName)
    {
        var candidates = assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IUplinkPlugin).IsAssignableFrom(t))
            .ToArray();
        return candidates.Length switch
        {
            1 => candidates[0],
            0 when assembly.GetTypes().Any(t => t.GetInterfaces().Any(i => i.FullName == typeof(IUplinkPlugin).FullName)) =>
                throw new InvalidOperationException($"{fileName} implements a copy of IUplinkPlugin that is not the host's: the plugin ships its own Uplink.Plugins.Abstractions.dll, which must not be copied"),
            0 => throw new InvalidOperationException($"{fileName} has no class implementing IUplinkPlugin"),
            _ => throw new InvalidOperationException($"{fileName} has {candidates.Length} classes implementing IUplinkPlugin ({string.Join(", ", candidates.Select(c => c.Name))}); exactly one is allowed"),
        };
    }

    private static string? MissingKinds(PluginManifest manifest, LoadedPlugin plugin)
    {
        var missing = manifest.Kinds.Where(kind => kind switch
        {
            PluginKind.Input => plugin.Inputs.Count == 0 && plugin.ImageSources.Count == 0,
            PluginKind.Profile => plugin.Profiles.Count == 0,
            _ => plugin.Outputs.Count == 0,
        }).ToArray();
        return missing.Length == 0
            ? null
            : $"declares kind {string.Join(", ", missing)} but registers no {string.Join(", ", missing.Select(ContractName))}";
    }

    private static string ContractName(PluginKind kind) => kind switch
    {
        PluginKind.Input => nameof(IInputPlugin),
        PluginKind.Profile => nameof(IAnonymizationProfile),
        _ => nameof(IOutputPlugin),
    };

    private static string Describe(Exception ex) => ex switch
    {
        ReflectionTypeLoadException rtle => $"a type could not be loaded (a shared library of an incompatible version?): {rtle.LoaderExceptions.FirstOrDefault(e => e is not null)?.Message ?? rtle.Message}",
        TargetInvocationException { InnerException: { } inner } => Describe(inner),
        _ => $"{ex.GetType().Name}: {ex.Message}",
    };
}
