using Uplink.Core.Shares.Store;
using Uplink.Plugins.Abstractions.Inputs;

namespace Uplink.Host.Hosting.Admin;

/// <summary>The forms that act on one image: retry a failed or set-aside image, discard a set-aside one.</summary>
internal static class ImageActions
{
    /// <summary>The <c>back</c> value that returns to the overview after the action.</summary>
    public const string BackToOverview = "overview";

    /// <summary>The <c>back</c> value that returns to the share's page after the action.</summary>
    public const string BackToShare = "share";

    /// <summary>Renders the forms that apply to an image in its state (none for the others).</summary>
    /// <param name="shareId">The share.</param>
    /// <param name="position">The image's position.</param>
    /// <param name="state">Its stored state name.</param>
    /// <param name="session">The session, for the token.</param>
    /// <param name="back">Where to return afterwards.</param>
    /// <returns>The forms, or an empty string.</returns>
    public static string Render(string shareId, int position, string state, AdminSession session, string back)
    {
        var setAside = state == StateNames.Of(ImageState.SetAside);
        if (!setAside && state != StateNames.Of(ImageState.Failed))
        {
            return string.Empty;
        }

        var image = AdminHtml.E($"share {shareId} image {position.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        var fields = $"""{AdminHtml.TokenField(session)}<input type="hidden" name="share" value="{AdminHtml.E(shareId)}"><input type="hidden" name="position" value="{AdminHtml.E(position)}"><input type="hidden" name="back" value="{back}">""";
        var retry = $"""<form class="inline" method="post" action="{AdminActions.RetryImagePath}">{fields}<button type="submit" aria-label="Retry {image}">Retry</button></form>""";
        var discard = setAside
            ? $"""<form class="inline" method="post" action="{AdminActions.DiscardImagePath}">{fields}<button type="submit" class="danger" aria-label="Discard {image}">Discard</button></form>"""
            : string.Empty;
        return $"""<div class="actions">{retry}{discard}</div>""";
    }
}
