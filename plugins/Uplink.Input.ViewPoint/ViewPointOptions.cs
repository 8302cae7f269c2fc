namespace Uplink.Input.ViewPoint;

/// <summary>The ViewPoint input's settings (its section of the active configuration).</summary>
internal sealed class ViewPointOptions
{
    /// <summary>The address the API listens on. Anything but loopback requires <see cref="CertificatePath"/>.</summary>
    public string Address { get; set; } = "127.0.0.1";

    /// <summary>The port (0 picks a free one, for tests).</summary>
    public int Port { get; set; } = 8780;

    /// <summary>A PKCS#12 certificate for HTTPS; required when <see cref="Address"/> is not loopback.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The certificate's password, if any.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>The API key ViewPoint sends as <c>Authorization: Bearer KEY</c> (created by <c>uplink setup</c>).</summary>
    public string? ApiKey { get; set; }

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
