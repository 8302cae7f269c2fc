using System.Net;

namespace Uplink.Output.Tricefy.Http;

/// <summary>How the Tricefy output reads Tricefy's answers.</summary>
internal static class TricefyResilience
{
    /// <summary>True for the statuses that mean the credentials are wrong.</summary>
    /// <param name="status">The answer's status.</param>
    /// <returns>Whether the output must stop and say the credentials are wrong.</returns>
    public static bool IsCredentialsRejection(HttpStatusCode status) =>
        status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden;
}
