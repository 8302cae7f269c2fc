namespace Uplink.Input.ViewPoint;

/// <summary>The ViewPoint input's settings (its section of the active configuration).</summary>
internal sealed class ViewPointOptions
{
    /// <summary>
    /// Where the API listens, as a URL: <c>http://127.0.0.1:8640</c> by default. Anything but loopback must be
    /// <c>https://</c> with <see cref="CertificatePath"/>. Port 0 picks a free port (tests).
    /// </summary>
    public string Listen { get; set; } = "http://127.0.0.1:8640";

    /// <summary>A PKCS#12 certificate for HTTPS; required for an <c>https://</c> <see cref="Listen"/> URL.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The certificate's password, if any.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>
    /// The API key ViewPoint sends as <c>Authorization: Bearer KEY</c>: a sealed setting (<c>sealed:NAME</c> in the
    /// configuration) that <c>uplink setup</c> writes and the host opens in memory.
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>A file holding the API key instead of <see cref="ApiKey"/>, for a key another system manages.</summary>
    public string? ApiKeyFile { get; set; }

    /// <summary>ViewPoint's image store: the folder image ids resolve in.</summary>
    public string ImageRoot { get; set; } = string.Empty;

    /// <summary>The path of an image below <see cref="ImageRoot"/>; <c>{imageId}</c> is replaced by the id.</summary>
    public string PathTemplate { get; set; } = "{imageId}.dcm";

    /// <summary>The most images one share may name.</summary>
    public int MaxImagesPerShare { get; set; } = 500;

    /// <summary>The largest request body accepted, in bytes.</summary>
    public int MaxBodyBytes { get; set; } = 256 * 1024;

    /// <summary>How many bad keys one client may send within <see cref="BadKeyWindow"/> before it is refused for the rest of the window.</summary>
    public int BadKeyLimit { get; set; } = 10;

    /// <summary>The window over which bad keys are counted.</summary>
    public TimeSpan BadKeyWindow { get; set; } = TimeSpan.FromMinutes(1);
}
