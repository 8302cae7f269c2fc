using System.ComponentModel.DataAnnotations;

namespace Uplink.Output.Tricefy;

/// <summary>Credentials and contacts travel over TLS only; plain HTTP is allowed to loopback (the simulator in tests).</summary>
internal static class EndpointRules
{
    /// <summary>Refuses an endpoint that is not absolute HTTPS, or HTTP to a loopback host.</summary>
    /// <param name="endpoint">The configured endpoint.</param>
    /// <param name="setting">The setting's name, for the message.</param>
    /// <exception cref="ValidationException">The endpoint would send secrets in clear text.</exception>
    public static void RequireTls(Uri endpoint, string setting)
    {
        var ok = endpoint.IsAbsoluteUri
            && (endpoint.Scheme == Uri.UriSchemeHttps || (endpoint.Scheme == Uri.UriSchemeHttp && endpoint.IsLoopback));
        if (!ok)
        {
            throw new ValidationException($"Tricefy setting '{setting}' must be an https:// URL (plain http is allowed to loopback only); got '{endpoint}'.");
        }
    }
}
