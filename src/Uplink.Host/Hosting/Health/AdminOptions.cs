namespace Uplink.Host.Hosting.Health;

/// <summary>The host's own admin listener (<c>Uplink:Admin</c>), apart from any plugin's listener.</summary>
internal sealed class AdminOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Uplink:Admin";

    /// <summary>Where the admin listener binds when the configuration names nothing: loopback only.</summary>
    public const string DefaultListen = "http://127.0.0.1:7310";

    /// <summary>The URL the admin listener binds (<c>Uplink:Admin:Listen</c>), a loopback address; empty turns it off.</summary>
    public string Listen { get; set; } = DefaultListen;
}
