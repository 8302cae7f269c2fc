using System.Net.Sockets;

namespace Uplink.Core.Plugins.Supervision;

/// <summary>
/// Which exceptions from a plugin say "try again later" rather than "this will never work": I/O errors (a file
/// share briefly unreachable, a locked file), timeouts and network errors.
/// </summary>
internal static class TransientFaults
{
    /// <summary>Whether <paramref name="exception"/> is worth retrying without limit.</summary>
    /// <param name="exception">What the plugin threw.</param>
    /// <param name="cancellationToken">The caller's token: a cancellation it did not ask for is a timeout inside the plugin.</param>
    /// <returns>True for a passing fault.</returns>
    public static bool IsTransient(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        IOException or TimeoutException or SocketException or HttpRequestException => true,
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        _ => false,
    };
}
