namespace Uplink.Core.Anonymization;

/// <summary>
/// The anonymizer cannot run at all on this site yet (for example the site's UID key is missing or unreadable):
/// nothing about the image is wrong, so the pipeline keeps the image waiting with this reason instead of
/// spending its attempts. The message names the setup problem and never an image's values.
/// </summary>
internal sealed class AnonymizerUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is missing and how to fix it.</param>
    /// <param name="innerException">The fault reading the site's secrets.</param>
    public AnonymizerUnavailableException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
