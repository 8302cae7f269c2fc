using System.Diagnostics;

namespace Uplink.Tests.Shared;

/// <summary>The LD_PRELOAD shim that turns <c>bind(0.0.0.0)</c> into <c>bind(127.0.0.1)</c> (Orthanc 1.10 and dcmtk 3.6.7's SCPs cannot choose their address).</summary>
internal static class LoopbackShim
{
    /// <summary>Builds the shim with cc into <paramref name="folder"/>, or skips the test when cc cannot.</summary>
    /// <param name="folder">A temporary folder.</param>
    /// <returns>The shared library's path, for LD_PRELOAD.</returns>
    public static async Task<string> BuildOrSkipAsync(string folder)
    {
        var source = Path.Combine(folder, "loopback-bind.c");
        var library = Path.Combine(folder, "loopback-bind.so");
        await File.WriteAllTextAsync(source, Source);
        try
        {
            using var cc = Process.Start(new ProcessStartInfo("cc", ["-shared", "-fPIC", "-O2", "-o", library, source, "-ldl"]) { RedirectStandardError = true })!;
            var error = await cc.StandardError.ReadToEndAsync();
            await cc.WaitForExitAsync();
            if (cc.ExitCode != 0)
            {
                Assert.Skip($"cc could not build the loopback-bind shim that keeps the peer on 127.0.0.1: {error}");
            }
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Assert.Skip("cc is not installed; without the loopback-bind shim the peer would listen on every interface.");
        }

        return library;
    }

    public const string Source = """
        #define _GNU_SOURCE
        #include <dlfcn.h>
        #include <string.h>
        #include <arpa/inet.h>
        #include <netinet/in.h>
        #include <sys/socket.h>

        typedef int (*bind_fn)(int, const struct sockaddr *, socklen_t);

        int bind(int fd, const struct sockaddr *addr, socklen_t len)
        {
            static bind_fn real_bind;
            if (!real_bind) real_bind = (bind_fn)dlsym(RTLD_NEXT, "bind");
            if (addr && addr->sa_family == AF_INET && len >= sizeof(struct sockaddr_in)) {
                struct sockaddr_in in4;
                memcpy(&in4, addr, sizeof in4);
                if (in4.sin_addr.s_addr == htonl(INADDR_ANY)) {
                    in4.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
                    return real_bind(fd, (const struct sockaddr *)&in4, sizeof in4);
                }
            }
            if (addr && addr->sa_family == AF_INET6 && len >= sizeof(struct sockaddr_in6)) {
                struct sockaddr_in6 in6;
                memcpy(&in6, addr, sizeof in6);
                if (memcmp(&in6.sin6_addr, &in6addr_any, sizeof in6addr_any) == 0) {
                    in6.sin6_addr = in6addr_loopback;
                    return real_bind(fd, (const struct sockaddr *)&in6, sizeof in6);
                }
            }
            return real_bind(fd, addr, len);
        }
        """;
}
