using Uplink.Plugins.Abstractions;

namespace Uplink.Core.Plugins.Manifest;

/// <summary>What a plugin's <c>plugin.json</c> declares, read before any of its code is loaded.</summary>
/// <param name="Id">The plugin id (expert codes and commands use it); letters, digits, '.', '-' and '_'.</param>
/// <param name="Version">The plugin's own version, as text.</param>
/// <param name="Kinds">The kinds of work it offers.</param>
/// <param name="EntryAssembly">The file name of the assembly holding its <see cref="IUplinkPlugin"/>.</param>
/// <param name="Contracts">The contracts versions it was built for.</param>
/// <param name="Description">One line for admins.</param>
/// <param name="Vendor">Who ships it.</param>
internal sealed record PluginManifest(
    string Id,
    string Version,
    IReadOnlyList<PluginKind> Kinds,
    string EntryAssembly,
    ContractsRange Contracts,
    string Description,
    string Vendor)
{
    /// <summary>The manifest's file name inside a plugin folder.</summary>
    public const string FileName = "plugin.json";
}
