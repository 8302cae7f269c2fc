using System.Text.Json.Nodes;

namespace Uplink.Core.Configuration;

/// <summary>An installer's expert code and everything it selects, as read from <c>profiles/expert-codes.json</c>.</summary>
/// <param name="Code">The code as typed (for example <c>Anon-LPU-O</c>).</param>
/// <param name="Description">One line for the installer.</param>
/// <param name="Profile">The anonymization profile id.</param>
/// <param name="ProfilePlugin">The plugin that provides the profile.</param>
/// <param name="Inputs">The active input plugin ids.</param>
/// <param name="Outputs">The active output plugin ids.</param>
/// <param name="Settings">Settings per plugin id, written into the configuration as is.</param>
public sealed record ExpertCode(
    string Code,
    string Description,
    string Profile,
    string ProfilePlugin,
    IReadOnlyList<string> Inputs,
    IReadOnlyList<string> Outputs,
    IReadOnlyDictionary<string, JsonObject> Settings);
