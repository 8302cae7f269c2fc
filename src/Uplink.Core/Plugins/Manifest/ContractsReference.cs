using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Uplink.Plugins.Abstractions;

namespace Uplink.Core.Plugins.Manifest;

/// <summary>
/// Reads which contracts assembly a plugin's entry assembly was really compiled against, from its metadata
/// (no code is loaded), so a manifest that claims a range the binary does not honour is caught before loading.
/// </summary>
internal static class ContractsReference
{
    private static readonly System.Reflection.AssemblyName HostContracts = typeof(IUplinkPlugin).Assembly.GetName();

    /// <summary>Why the entry assembly cannot run against this host's contracts, or null when it can (or cannot be read here: loading will say why).</summary>
    /// <param name="entryAssemblyPath">The plugin's entry assembly.</param>
    /// <param name="manifest">Its manifest.</param>
    /// <returns>The refusal reason, or null.</returns>
    public static string? Mismatch(string entryAssemblyPath, PluginManifest manifest)
    {
        var referenced = Read(entryAssemblyPath);
        var provided = HostContracts.Version!;
        return referenced is not null && (referenced.Major != provided.Major || referenced > provided)
            ? $"{manifest.EntryAssembly} is built against {HostContracts.Name} {referenced} although its manifest says contracts {manifest.Contracts}; this host provides {provided}; not loaded"
            : null;
    }

    private static Version? Read(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var image = new PEReader(stream);
            if (!image.HasMetadata)
            {
                return null;
            }

            var metadata = image.GetMetadataReader();
            foreach (var handle in metadata.AssemblyReferences)
            {
                var reference = metadata.GetAssemblyReference(handle);
                if (metadata.StringComparer.Equals(reference.Name, HostContracts.Name!))
                {
                    return reference.Version;
                }
            }

            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or BadImageFormatException)
        {
            return null;
        }
    }
}
