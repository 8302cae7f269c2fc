using System.Reflection;
using System.Runtime.Loader;

namespace Uplink.Core.Plugins.Loading;

/// <summary>A plugin's entry assembly in its own load context.</summary>
/// <param name="entryAssembly">The entry assembly.</param>
/// <param name="loadContext">The plugin's load context.</param>
/// <param name="owner">What to dispose to release the context.</param>
internal sealed class PluginAssembly(Assembly entryAssembly, AssemblyLoadContext loadContext, IDisposable owner) : IDisposable
{
    /// <summary>The entry assembly.</summary>
    public Assembly EntryAssembly { get; } = entryAssembly;

    /// <summary>The plugin's load context (never <see cref="AssemblyLoadContext.Default"/>).</summary>
    public AssemblyLoadContext LoadContext { get; } = loadContext;

    /// <inheritdoc />
    public void Dispose() => owner.Dispose();
}
