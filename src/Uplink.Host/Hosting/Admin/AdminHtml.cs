using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Uplink.Host.Hosting.Admin;

/// <summary>
/// The admin page's frame: one HTML document per page with its style inline (no remote asset: clinics are often
/// offline), a skip link, a header with the sign-out form, and the headers that keep the page to itself
/// (a content security policy that allows only this style and same-origin forms, no framing, no caching).
/// </summary>
internal static class AdminHtml
{
    // Contrast on white: text 17:1, links and buttons 7:1, the state colours at least 7:1 on their backgrounds.
    private const string Style = """
        *{box-sizing:border-box}
        body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1b1b;background:#fff}
        .skip{position:absolute;left:-999px;top:0;background:#fff;color:#0b4fb3;padding:.5rem 1rem;z-index:1}
        .skip:focus{left:.5rem;top:.5rem}
        header{background:#12355b;color:#fff;padding:.75rem 1.5rem;display:flex;flex-wrap:wrap;gap:1rem;align-items:center;justify-content:space-between}
        header a{color:#fff}
        .brand{font-weight:700;font-size:1.15rem;margin:0}
        nav{display:flex;gap:1rem;align-items:center}
        main{padding:1rem 1.5rem 3rem;max-width:80rem}
        h1{font-size:1.6rem;margin:.5rem 0 1rem}
        h2{font-size:1.25rem;margin:2rem 0 .5rem;border-bottom:1px solid #c8d1dc;padding-bottom:.25rem}
        a{color:#0b4fb3}
        table{border-collapse:collapse;width:100%;margin:.5rem 0}
        caption{text-align:left;font-weight:600;padding:.25rem 0;color:#333}
        th,td{border:1px solid #c8d1dc;padding:.35rem .5rem;text-align:left;vertical-align:top}
        thead th{background:#eef2f7}
        tbody th{font-weight:600}
        .num{text-align:right;font-variant-numeric:tabular-nums}
        .state{display:inline-block;padding:0 .4rem;border-radius:.25rem;font-weight:600}
        .bad{background:#fdecec;color:#8a1c1c}
        .warn{background:#fff4d6;color:#6b4500}
        .good{background:#e7f6ec;color:#14532d}
        .muted{color:#4a4a4a}
        .hash{font-family:ui-monospace,Consolas,monospace}
        dl{display:grid;grid-template-columns:max-content auto;gap:.25rem 1rem}
        dt{font-weight:600}
        dd{margin:0}
        form.inline{display:inline}
        label{display:block;font-weight:600;margin:.75rem 0 .25rem}
        input[type=password]{font:inherit;padding:.4rem .5rem;width:100%;max-width:32rem;border:2px solid #4a4a4a;border-radius:.25rem}
        button{font:inherit;padding:.3rem .8rem;border:2px solid #0b4fb3;border-radius:.25rem;background:#0b4fb3;color:#fff;cursor:pointer}
        button.danger{background:#a11d1d;border-color:#a11d1d}
        button.quiet{background:#fff;color:#12355b;border-color:#fff}
        .actions{display:flex;gap:.5rem;flex-wrap:wrap}
        .message{border-left:.35rem solid #8a1c1c;background:#fdecec;color:#8a1c1c;padding:.5rem 1rem;margin:1rem 0}
        .notice{border-left:.35rem solid #14532d;background:#e7f6ec;color:#14532d;padding:.5rem 1rem;margin:1rem 0}
        a:focus-visible,button:focus-visible,input:focus-visible,main:focus-visible{outline:3px solid #f0b400;outline-offset:2px;box-shadow:0 0 0 5px #1b1b1b}
        """;

    private static readonly string ContentSecurityPolicy =
        $"default-src 'none'; style-src 'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Style)))}'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    /// <summary>Encodes text for HTML content and attribute values.</summary>
    /// <param name="text">The text, or null.</param>
    /// <returns>The encoded text (empty for null).</returns>
    public static string E(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    /// <summary>Encodes a number.</summary>
    /// <param name="value">The number.</param>
    /// <returns>It, in invariant digits.</returns>
    public static string E(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The hidden field that carries a session's synchronizer token.</summary>
    /// <param name="session">The session.</param>
    /// <returns>The input element.</returns>
    public static string TokenField(AdminSession session) =>
        $"""<input type="hidden" name="{AdminCsrf.FieldName}" value="{E(session.CsrfToken)}">""";

    /// <summary>A state word in a colour that says whether it is good, waiting or bad (the word itself says it too).</summary>
    /// <param name="state">The state.</param>
    /// <returns>The span.</returns>
    public static string State(string state)
    {
        var tone = state.ToUpperInvariant() switch
        {
            "FAILED" or "SET-ASIDE" or "DISCARDED" or "UNTRUSTED" or "TAMPERED" or "INVALIDMANIFEST" or "INCOMPATIBLECONTRACTS"
                or "DUPLICATEID" or "LOADFAILED" or "CONFIGUREFAILED" or "MISSING" or "FAULTED" => "bad",
            "SENT" or "COMPLETED" or "LOADED" => "good",
            _ => "warn",
        };
        return $"""<span class="state {tone}">{E(state)}</span>""";
    }

    /// <summary>Writes a whole page.</summary>
    /// <param name="context">The request.</param>
    /// <param name="status">The HTTP status.</param>
    /// <param name="title">The page's title (also its first heading).</param>
    /// <param name="main">The page's main content, already encoded.</param>
    /// <param name="session">The signed-in session, for the sign-out form; null on the sign-in page.</param>
    /// <returns>When written.</returns>
    public static Task WriteAsync(HttpContext context, int status, string title, string main, AdminSession? session)
    {
        var navigation = session is null
            ? string.Empty
            : $"""
              <nav aria-label="Admin"><a href="/admin">Overview</a>
              <form class="inline" method="post" action="/admin/sign-out">{TokenField(session)}<button type="submit" class="quiet">Sign out</button></form></nav>
              """;
        var html = $"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{E(title)} – Uplink admin</title>
            <style>{Style}</style>
            </head>
            <body>
            <a class="skip" href="#main">Skip to main content</a>
            <header><p class="brand">Uplink admin</p>{navigation}</header>
            <main id="main" tabindex="-1">
            <h1>{E(title)}</h1>
            {main}
            </main>
            </body>
            </html>
            """;
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = "text/html; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.XFrameOptions = "DENY";

        // Not no-referrer: with it, browsers send "Origin: null" on same-origin posts and the origin check could not tell.
        response.Headers["Referrer-Policy"] = "same-origin";
        return response.WriteAsync(html, context.RequestAborted);
    }
}
