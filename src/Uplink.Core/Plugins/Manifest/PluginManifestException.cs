namespace Uplink.Core.Plugins.Manifest;

/// <summary>A <c>plugin.json</c> that cannot be used; the message names the file and the field.</summary>
internal sealed class PluginManifestException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong, and where.</param>
    public PluginManifestException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong, and where.</param>
    /// <param name="innerException">The parser's error.</param>
    public PluginManifestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public PluginManifestException()
        : base("The plugin manifest is not valid.")
    {
    }
}
