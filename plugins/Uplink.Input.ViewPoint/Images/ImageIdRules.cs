using System.Text.RegularExpressions;

namespace Uplink.Input.ViewPoint.Images;

/// <summary>What an image id may look like: letters, digits, dot, dash and underscore, never a path.</summary>
internal static partial class ImageIdRules
{
    /// <summary>The longest id accepted.</summary>
    public const int MaxLength = 128;

    /// <summary>Checks an id.</summary>
    /// <param name="imageId">The id.</param>
    /// <returns>Null when acceptable, otherwise what is wrong.</returns>
    public static string? Check(string imageId)
    {
        if (imageId.Length == 0)
        {
            return "is empty";
        }

        if (imageId.Length > MaxLength)
        {
            return $"is {imageId.Length} characters long; at most {MaxLength} are allowed";
        }

        if (imageId.Contains("..", StringComparison.Ordinal))
        {
            return "contains '..'";
        }

        return Allowed().IsMatch(imageId) ? null : "may only hold letters, digits, '.', '-' and '_', starting with a letter or digit";
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex Allowed();
}
