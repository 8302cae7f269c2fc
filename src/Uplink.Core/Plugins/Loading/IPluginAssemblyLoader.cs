namespace Uplink.Core.Plugins.Loading;

/// <summary>
/// The one seam around the assembly loader (McMaster.NETCore.Plugins today), so that the built-in
/// <see cref="System.Runtime.Loader.AssemblyLoadContext"/> can replace it without touching the rest.
/// </summary>
internal interface IPluginAssemblyLoader
{
    /// <summary>Loads a plugin's entry assembly into a load context of its own.</summary>
    /// <param name="entryAssemblyPath">The absolute path of the entry assembly.</param>
    /// <returns>The loaded assembly and its context; dispose to release it.</returns>
    PluginAssembly Load(string entryAssemblyPath);
}
