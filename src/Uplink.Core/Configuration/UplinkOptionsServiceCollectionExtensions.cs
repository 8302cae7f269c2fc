using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Uplink.Core.Configuration;

/// <summary>Registers the host's own options.</summary>
public static class UplinkOptionsServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="UplinkOptions"/> from the <c>Uplink</c> section, resolves its folders against the
    /// configuration file's folder, and validates it when the host starts.
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <param name="configuration">The host's configuration.</param>
    /// <param name="configPath">The configuration file, for relative folders and messages.</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddUplinkOptions(this IServiceCollection services, IConfiguration configuration, string configPath)
    {
        services.AddSingleton<IValidateOptions<UplinkOptions>, UplinkOptionsValidator>();
        services.AddOptions<UplinkOptions>()
            .Bind(configuration.GetSection(UplinkOptions.SectionName))
            .PostConfigure(o => UplinkConfigurationFile.Normalize(o, configPath))
            .ValidateOnStart();
        return services;
    }
}
