namespace Uplink.Tricefy.Simulator;

/// <summary>How a <see cref="TricefySimulator"/> is set up: the account it accepts and the published limits.</summary>
public sealed record TricefySimulatorOptions
{
    /// <summary>The Tricefy user's e-mail (the user name of Basic auth).</summary>
    public string Email { get; init; } = "uplink@clinic.example";

    /// <summary>The account API token (the password of Basic auth).</summary>
    public string Token { get; init; } = "simulator-token";

    /// <summary>The loopback port to listen on; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>The largest accepted file: Tricefy publishes "10 MB", read strictly as 10,000,000 bytes.</summary>
    public long MaxFileBytes { get; init; } = 10_000_000;

    /// <summary>The most time one request may take to arrive (Tricefy: 60 s per connection).</summary>
    public TimeSpan RequestBudget { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Where received files are stored; <see langword="null"/> uses a temporary folder deleted on dispose.</summary>
    public string? StorageDirectory { get; init; }
}
