using Uplink.Core.Secrets;
using Uplink.Plugins.Abstractions.Profiles;

namespace Uplink.Core.Anonymization;

/// <summary>
/// The site's <see cref="HmacUidRemapper"/>, keyed by the UID key in the data folder's secrets. The key is read
/// when the first UID is remapped, not when the host starts, so a host on a data folder without secrets still
/// starts, serves health and says what is missing; until <c>uplink setup</c> has run, remapping throws
/// <see cref="AnonymizerUnavailableException"/>.
/// </summary>
/// <param name="dataDirectory">The data folder holding <c>secrets/</c>.</param>
internal sealed class SiteUidRemapper(string dataDirectory) : IUidRemapper
{
    private HmacUidRemapper? _remapper;

    /// <inheritdoc />
    /// <exception cref="AnonymizerUnavailableException">The site's UID key is missing or unreadable.</exception>
    public string Remap(string originalUid) => (_remapper ??= Create()).Remap(originalUid);

    private HmacUidRemapper Create()
    {
        try
        {
            return new HmacUidRemapper(SiteSecrets.ReadUidKey(dataDirectory));
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            throw new AnonymizerUnavailableException(ex.Message, ex);
        }
    }
}
