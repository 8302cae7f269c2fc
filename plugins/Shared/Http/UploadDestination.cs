using System.Net.Http.Headers;

namespace Uplink.Plugins.Shared.Http;

/// <summary>Who an HTTP output talks to, for its requests and its reasons.</summary>
/// <param name="Name">How reasons name it, for example <c>Tricefy</c>.</param>
/// <param name="Authorization">The header every request carries, or null for none.</param>
/// <param name="CredentialsHint">What a 401/403 means for the admin, ending the reason.</param>
internal sealed record UploadDestination(string Name, AuthenticationHeaderValue? Authorization, string CredentialsHint)
{
    /// <summary>Never prints the credentials.</summary>
    /// <returns>The destination's name.</returns>
    public override string ToString() => $"UploadDestination {{ Name = {Name}, Authorization = *** }}";
}
