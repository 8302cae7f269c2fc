using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Uplink.Tricefy.Simulator.Rules;

/// <summary>Checks <c>Authorization: Basic base64(email:token)</c> against the one account the simulator knows.</summary>
internal sealed class BasicCredentials(string email, string token)
{
    private readonly byte[] _expected = Encoding.UTF8.GetBytes($"Basic {Convert.ToBase64String(Encoding.UTF8.GetBytes($"{email}:{token}"))}");

    /// <summary>True when the request carries exactly the account's credentials (compared in constant time).</summary>
    /// <param name="request">The request.</param>
    /// <returns>Whether it is authorized.</returns>
    public bool Accepts(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header), _expected);
    }
}
