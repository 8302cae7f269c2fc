using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Uplink.Core.Configuration;

/// <summary>Validates <see cref="UplinkOptions"/> at start-up; each failure names the setting.</summary>
internal sealed partial class UplinkOptionsValidator : IValidateOptions<UplinkOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, UplinkOptions options)
    {
        var failures = new List<string>();
        Require(options.ExpertCode, "Uplink:ExpertCode", failures);
        Require(options.Profile, "Uplink:Profile", failures);
        Require(options.DataDirectory, "Uplink:DataDirectory", failures);
        CheckId(options.ProfilePlugin, "Uplink:ProfilePlugin", failures);
        if (options.Inputs.Count == 0)
        {
            failures.Add("Uplink:Inputs must name at least one input plugin");
        }

        if (options.Outputs.Count == 0)
        {
            failures.Add("Uplink:Outputs must name at least one output plugin");
        }

        for (var i = 0; i < options.Inputs.Count; i++)
        {
            CheckId(options.Inputs[i], $"Uplink:Inputs:{i}", failures);
        }

        for (var i = 0; i < options.Outputs.Count; i++)
        {
            CheckId(options.Outputs[i], $"Uplink:Outputs:{i}", failures);
        }

        var supervision = options.Supervision;
        if (supervision.InitialBackoff <= TimeSpan.Zero || supervision.MaxBackoff < supervision.InitialBackoff)
        {
            failures.Add($"Uplink:Supervision: InitialBackoff ({supervision.InitialBackoff}) must be positive and no more than MaxBackoff ({supervision.MaxBackoff})");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Require(string? value, string key, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            failures.Add($"{key} is required (run 'uplink setup' to write the configuration)");
        }
    }

    private static void CheckId(string? value, string key, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(value) || !IdPattern().IsMatch(value))
        {
            failures.Add($"{key} value '{value}' is not a plugin id");
        }
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
