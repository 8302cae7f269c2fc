using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Uplink.Core.Plugins;

namespace Uplink.Host.Tests.Plugins;

/// <summary>A temporary plugins folder and data folder, filled with copies of published plugins.</summary>
internal sealed class PluginSandbox : IDisposable
{
    public PluginSandbox()
    {
        Root = Directory.CreateTempSubdirectory("uplink-plugins-").FullName;
        PluginsDirectory = Directory.CreateDirectory(Path.Combine(Root, "plugins")).FullName;
        DataDirectory = Directory.CreateDirectory(Path.Combine(Root, "data")).FullName;
        BundledDirectory = Directory.CreateDirectory(Path.Combine(Root, "bundled-plugins")).FullName;
    }

    public static string TestPluginsFolder => Metadata("UplinkTestPluginsFolder");

    public static string HostFolder => Metadata("UplinkHostFolder");

    public static string BundledPluginsFolder => Path.Combine(HostFolder, "plugins");

    public static string BundledListFolder => Path.Combine(HostFolder, "bundled-plugins");

    public string Root { get; }

    /// <summary>
    /// Approves every bundled plugin of the built host in a data folder's trust store: an in-process test has no
    /// bundled hash lists beside it, so a configuration that names the host's plugins folder needs them trusted.
    /// </summary>
    public static void TrustBundledPlugins(string dataDirectory)
    {
        var trust = new Uplink.Core.Plugins.Trust.PluginTrust(new Uplink.Core.Plugins.Trust.BundledPluginList(BundledListFolder), Uplink.Core.Plugins.Trust.TrustStore.InDataDirectory(dataDirectory), TimeProvider.System);
        foreach (var folder in Directory.GetDirectories(BundledPluginsFolder))
        {
            trust.Approve(Uplink.Core.Plugins.Manifest.PluginManifestReader.Read(folder), folder);
        }
    }

    public string PluginsDirectory { get; }

    public string DataDirectory { get; }

    public string BundledDirectory { get; }

    public PluginHostSettings Settings => new(PluginsDirectory, DataDirectory, BundledDirectory);

    /// <summary>Copies a published test plugin into the sandbox, optionally under another folder name.</summary>
    public string AddTestPlugin(string name, string? folderName = null) =>
        Copy(Path.Combine(TestPluginsFolder, name), Path.Combine(PluginsDirectory, folderName ?? name));

    /// <summary>Copies any published plugin folder into the sandbox under a folder name.</summary>
    public string AddPluginCopy(string source, string folderName) =>
        Copy(source, Path.Combine(PluginsDirectory, folderName));

    /// <summary>Loads the sandbox through the same code as <c>uplink run</c>.</summary>
    public PluginSystem Load(PluginSelection selection, IConfiguration? settings = null) =>
        PluginSystem.Load(Settings, selection, settings ?? new ConfigurationBuilder().Build(), NullLoggerFactory.Instance, TimeProvider.System);

    public static PluginSelection Outputs(params string[] outputs) =>
        new("TEST", "none", string.Empty, [], outputs);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A plugin assembly may still be mapped; the temp folder is cleaned by the OS.
        }
    }

    private static string Copy(string source, string target)
    {
        if (!Directory.Exists(source))
        {
            Assert.Fail($"The published plugin folder {source} does not exist; build tests/Uplink.Host.Tests first.");
        }

        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }

        return target;
    }

    private static string Metadata(string key) =>
        typeof(PluginSandbox).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
