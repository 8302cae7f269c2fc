using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Uplink.Core.Plugins;

namespace Uplink.Core.Configuration;

/// <summary>The configuration file: written by <c>uplink setup</c>, read by <c>run</c> and <c>plugins</c>.</summary>
internal static class UplinkConfigurationFile
{
    private static readonly JsonSerializerOptions WriteOptions = new() { WriteIndented = true };

    /// <summary>The token that plugin settings may use for the data folder (for example to name a secret's file).</summary>
    public const string DataDirectoryToken = "{DataDirectory}";

    /// <summary>Writes the configuration for an expert code, atomically. <see cref="DataDirectoryToken"/> in a setting's text becomes the data folder.</summary>
    /// <param name="path">The file to write.</param>
    /// <param name="code">The chosen expert code.</param>
    /// <param name="dataDirectory">The data folder.</param>
    /// <param name="pluginsDirectory">The plugins folder, or null for the default beside the binary.</param>
    public static void Write(string path, ExpertCode code, string dataDirectory, string? pluginsDirectory)
    {
        var plugins = new JsonObject();
        foreach (var (id, settings) in code.Settings)
        {
            plugins[id] = ReplaceToken(settings.DeepClone(), Path.GetFullPath(dataDirectory));
        }

        var uplink = new JsonObject
        {
            ["ExpertCode"] = code.Code,
            ["Profile"] = code.Profile,
            ["ProfilePlugin"] = code.ProfilePlugin,
            ["Inputs"] = new JsonArray([.. code.Inputs.Select(i => JsonValue.Create(i))]),
            ["Outputs"] = new JsonArray([.. code.Outputs.Select(o => JsonValue.Create(o))]),
            ["DataDirectory"] = Path.GetFullPath(dataDirectory),
            ["Plugins"] = plugins,
        };
        if (!string.IsNullOrWhiteSpace(pluginsDirectory))
        {
            uplink["PluginsDirectory"] = Path.GetFullPath(pluginsDirectory);
        }

        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = full + ".tmp";
        File.WriteAllText(temp, new JsonObject { [UplinkOptions.SectionName] = uplink }.ToJsonString(WriteOptions));
        File.Move(temp, full, overwrite: true);
    }

    /// <summary>Sets one plugin setting in an existing configuration file (written atomically).</summary>
    /// <param name="path">The configuration file.</param>
    /// <param name="pluginId">The plugin's id.</param>
    /// <param name="key">The setting's name.</param>
    /// <param name="value">The value (a <c>sealed:NAME</c> reference for secrets).</param>
    public static void SetPluginSetting(string path, string pluginId, string key, string value)
    {
        var full = Path.GetFullPath(path);
        var root = JsonNode.Parse(File.ReadAllText(full))!.AsObject();
        var uplink = root[UplinkOptions.SectionName]!.AsObject();
        var plugins = (uplink["Plugins"] ??= new JsonObject()).AsObject();
        var settings = (plugins[pluginId] ??= new JsonObject()).AsObject();
        settings[key] = value;
        var temp = full + ".tmp";
        File.WriteAllText(temp, root.ToJsonString(WriteOptions));
        File.Move(temp, full, overwrite: true);
    }

    private static JsonNode ReplaceToken(JsonNode node, string dataDirectory)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Select(p => p.Key).ToList())
                {
                    if (obj[key] is { } child)
                    {
                        obj[key] = ReplaceToken(child.DeepClone(), dataDirectory);
                    }
                }

                return obj;
            case JsonArray array:
                return new JsonArray([.. array.Select(n => n is null ? null : ReplaceToken(n.DeepClone(), dataDirectory))]);
            case JsonValue value when value.TryGetValue<string>(out var text) && text.Contains(DataDirectoryToken, StringComparison.Ordinal):
                return JsonValue.Create(text.Replace(DataDirectoryToken, dataDirectory, StringComparison.Ordinal));
            default:
                return node;
        }
    }

    /// <summary>Reads a configuration file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The configuration root.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist; the message says to run <c>uplink setup</c>.</exception>
    public static IConfigurationRoot Read(string path)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new FileNotFoundException($"No configuration at {full}; run 'uplink setup --expert-code CODE' first (or pass --config FILE).", full);
        }

        return new ConfigurationBuilder().AddJsonFile(full, optional: false, reloadOnChange: false).Build();
    }

    /// <summary>Binds the <c>Uplink</c> section and resolves its relative paths against the file's folder.</summary>
    /// <param name="configuration">The configuration root.</param>
    /// <param name="path">The file it came from.</param>
    /// <returns>The options.</returns>
    public static UplinkOptions Bind(IConfiguration configuration, string path)
    {
        var options = new UplinkOptions();
        configuration.GetSection(UplinkOptions.SectionName).Bind(options);
        Normalize(options, path);
        return options;
    }

    /// <summary>Resolves relative folders against the configuration file's folder.</summary>
    /// <param name="options">The options to fix up.</param>
    /// <param name="path">The configuration file.</param>
    internal static void Normalize(UplinkOptions options, string path)
    {
        if (!string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            options.DataDirectory = UplinkPaths.Resolve(path, options.DataDirectory);
        }

        options.PluginsDirectory = string.IsNullOrWhiteSpace(options.PluginsDirectory)
            ? PluginHostSettings.DefaultPluginsDirectory
            : UplinkPaths.Resolve(path, options.PluginsDirectory);
    }

    /// <summary>The plugin selection the options make.</summary>
    /// <param name="options">The options.</param>
    /// <returns>The selection.</returns>
    public static PluginSelection Selection(UplinkOptions options) =>
        new(options.ExpertCode, options.Profile, options.ProfilePlugin, options.Inputs, options.Outputs);
}
