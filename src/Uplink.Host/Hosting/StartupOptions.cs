using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Uplink.Host.Hosting;

/// <summary>
/// Reads settings the host needs while it is being built, before <see cref="IOptions{TOptions}"/> exists (the
/// log file, whether to export metrics at all), validated the same way, so <c>uplink run</c> reports them like
/// the others.
/// </summary>
internal static class StartupOptions
{
    /// <summary>Binds and validates a section.</summary>
    /// <typeparam name="TOptions">The options type.</typeparam>
    /// <param name="configuration">The host's configuration.</param>
    /// <param name="section">The section, for example <c>Uplink:Logs</c>.</param>
    /// <param name="validator">The options' validator.</param>
    /// <returns>The valid options (defaults where the section says nothing).</returns>
    /// <exception cref="OptionsValidationException">A setting is not valid, or not of its type; the failure names it.</exception>
    public static TOptions Read<TOptions>(IConfiguration configuration, string section, IValidateOptions<TOptions> validator)
        where TOptions : class, new()
    {
        var options = new TOptions();
        try
        {
            configuration.GetSection(section).Bind(options);
        }
        catch (InvalidOperationException ex)
        {
            // The binder's message names the key and the type it wanted ("Failed to convert ... at 'Uplink:Logs:...'").
            throw new OptionsValidationException(section, typeof(TOptions), [ex.Message]);
        }

        var result = validator.Validate(null, options);
        return result.Failed ? throw new OptionsValidationException(section, typeof(TOptions), result.Failures) : options;
    }
}
