using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Uplink.Host.Hosting.Admin;

/// <summary>
/// Refuses cross-site form posts: the browser's own word on where the request comes from (<c>Sec-Fetch-Site</c>,
/// <c>Origin</c>) must be this listener when it is given, and every signed-in form carries the session's
/// synchronizer token, which another site cannot read.
/// </summary>
internal static class AdminCsrf
{
    /// <summary>The form field that carries the token.</summary>
    public const string FieldName = "csrf";

    /// <summary>Whether the browser says the request comes from this listener's own pages (or says nothing, as non-browser clients do).</summary>
    /// <param name="request">The request.</param>
    /// <returns>False for a cross-site or cross-origin request.</returns>
    public static bool IsSameOrigin(HttpRequest request)
    {
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0 && !string.Equals(site, "same-origin", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var origin = request.Headers.Origin.ToString();
        return origin.Length == 0 || string.Equals(origin, $"{request.Scheme}://{request.Host.Value}", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Whether a posted form carries the session's token and comes from this listener.</summary>
    /// <param name="request">The request.</param>
    /// <param name="form">Its form.</param>
    /// <param name="session">The signed-in session.</param>
    /// <returns>True only when both hold.</returns>
    public static bool Accepts(HttpRequest request, IFormCollection form, AdminSession session)
    {
        var presented = form[FieldName].ToString();
        return IsSameOrigin(request)
            && presented.Length > 0
            && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(presented), Encoding.ASCII.GetBytes(session.CsrfToken));
    }
}
