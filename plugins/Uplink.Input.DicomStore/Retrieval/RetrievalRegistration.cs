using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Uplink.Plugins.Abstractions.Inputs;

namespace Uplink.Input.DicomStore.Retrieval;

/// <summary>Registers the input's image source: the received store alone, or with retrieval from the archive of the <c>Retrieve</c> section.</summary>
internal static class RetrievalRegistration
{
    /// <exception cref="System.ComponentModel.DataAnnotations.ValidationException">The <c>Retrieve</c> section is wrong; the message names the setting.</exception>
    public static void AddImageSource(IServiceCollection services, IConfiguration settings, DicomStoreOptions options)
    {
        var retrieve = RetrieveSettings.From(settings.GetSection("Retrieve"), options);
        if (retrieve is null)
        {
            services.AddSingleton<IImageSource, ReceivedImageSource>();
            return;
        }

        services.AddSingleton(retrieve);
        services.AddSingleton<ReceivedImageSource>();
        services.AddSingleton<ArchiveRetriever>();
        services.AddSingleton<IImageSource, RetrievingImageSource>();
    }
}
