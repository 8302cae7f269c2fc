using System.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Uplink.Tricefy.Simulator.Endpoints;

/// <summary>Reads an upload body into memory under the size limit and the request budget.</summary>
internal static class BodyReader
{
    /// <summary>
    /// Reads the body; each read races the time left, because a pending read on a slow body does not
    /// always observe a cancelled token.
    /// </summary>
    public static async Task<(byte[] Bytes, (int Status, string Reason)? Refusal)> ReadAsync(HttpContext context, long maxBytes, TimeSpan budget)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var left = budget - clock.Elapsed;
            var read = context.Request.Body.ReadAsync(chunk, context.RequestAborted).AsTask();
            if (left <= TimeSpan.Zero || await Task.WhenAny(read, Task.Delay(left, context.RequestAborted)).ConfigureAwait(false) != read)
            {
                return ([], (StatusCodes.Status408RequestTimeout, $"The request did not arrive within the {budget.TotalSeconds:0.#} s allowed per connection."));
            }

            var n = await read.ConfigureAwait(false);
            if (n == 0)
            {
                return (buffer.ToArray(), null);
            }

            buffer.Write(chunk, 0, n);
            if (buffer.Length > maxBytes)
            {
                return ([], (StatusCodes.Status413PayloadTooLarge, $"The file is larger than {maxBytes} bytes."));
            }
        }
    }
}
