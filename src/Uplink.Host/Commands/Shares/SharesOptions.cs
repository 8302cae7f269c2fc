using System.CommandLine;
using System.Globalization;

namespace Uplink.Host.Commands.Shares;

/// <summary>The arguments and options the <c>uplink shares</c> verbs share, so they read and explain the same.</summary>
internal static class SharesOptions
{
    /// <summary>The <c>SHARE</c> argument.</summary>
    /// <returns>A new argument (each command owns its own instance).</returns>
    public static Argument<string> Share() => new("SHARE") { Description = "The share's id, as 'uplink shares list' or 'uplink status' shows it." };

    /// <summary><c>--json</c>.</summary>
    /// <returns>A new option.</returns>
    public static Option<bool> Json() => new("--json") { Description = "Print JSON instead of text." };

    /// <summary><c>--image N</c>: an image's position in its share, from 0.</summary>
    /// <param name="description">What the image is for, in this verb.</param>
    /// <param name="required">Whether the verb needs it.</param>
    /// <returns>A new option.</returns>
    public static Option<int?> Image(string description, bool required) => AtLeast(
        new Option<int?>("--image") { Description = description, HelpName = "N", Required = required }, 0);

    /// <summary>Refuses a number below <paramref name="minimum"/> as a command-line error.</summary>
    /// <typeparam name="T">The option's type.</typeparam>
    /// <param name="option">The option.</param>
    /// <param name="minimum">The smallest value allowed.</param>
    /// <returns>The same option.</returns>
    public static Option<T> AtLeast<T>(Option<T> option, int minimum)
    {
        option.Validators.Add(result =>
        {
            if (result.Tokens is [{ Value: var text }] && int.TryParse(text, CultureInfo.InvariantCulture, out var n) && n < minimum)
            {
                result.AddError($"{option.Name} must be {minimum} or more, not '{text}'.");
            }
        });
        return option;
    }
}
