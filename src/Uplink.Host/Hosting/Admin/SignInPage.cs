namespace Uplink.Host.Hosting.Admin;

/// <summary>The sign-in form: the admin key that <c>uplink setup</c> made, never the ViewPoint key.</summary>
internal static class SignInPage
{
    /// <summary>The page's title.</summary>
    public const string Title = "Sign in";

    /// <summary>The form field that carries the key.</summary>
    public const string KeyField = "key";

    /// <summary>Renders the form.</summary>
    /// <param name="problem">Why the last try failed, or null.</param>
    /// <returns>The main content.</returns>
    public static string Render(string? problem)
    {
        var message = problem is null ? string.Empty : $"""<p class="message" role="alert" id="sign-in-problem">{AdminHtml.E(problem)}</p>""";
        var describedBy = problem is null ? "key-help" : "key-help sign-in-problem";
        return $"""
            {message}
            <form method="post" action="/admin/sign-in">
            <label for="{KeyField}">Admin key</label>
            <input id="{KeyField}" name="{KeyField}" type="password" autocomplete="current-password" required aria-describedby="{describedBy}">
            <p id="key-help" class="muted">The admin key is in <code>secrets/admin.key</code> in Uplink's data folder; <code>uplink setup</code> created it. It is not the ViewPoint API key.</p>
            <p><button type="submit">Sign in</button></p>
            </form>
            """;
    }
}
