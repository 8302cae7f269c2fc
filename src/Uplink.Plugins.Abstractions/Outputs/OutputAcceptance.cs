namespace Uplink.Plugins.Abstractions.Outputs;

/// <summary>
/// What an output's destination takes (contracts 1.2). The host shapes every instance to fit before it is
/// verified and sent (decoding RLE to Explicit VR Little Endian, splitting a multi-frame clip over
/// <see cref="MaxFileBytes"/> into parts), and sets aside for that output what cannot be made to fit, so an
/// output sends only files the host verified and never reshapes one itself.
/// </summary>
public sealed record OutputAcceptance
{
    private OutputAcceptance(long? maxFileBytes, IReadOnlySet<string> transferSyntaxUids, IReadOnlySet<string> sopClassUids)
    {
        MaxFileBytes = maxFileBytes;
        TransferSyntaxUids = transferSyntaxUids;
        SopClassUids = sopClassUids;
    }

    /// <summary>Accepts every file: no size limit, any transfer syntax, any SOP class.</summary>
    public static OutputAcceptance Anything { get; } = new(null, new HashSet<string>(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal));

    /// <summary>The largest file the destination takes, in bytes, or <see langword="null"/> for no limit.</summary>
    public long? MaxFileBytes { get; }

    /// <summary>The transfer syntax UIDs the destination takes; empty means any.</summary>
    public IReadOnlySet<string> TransferSyntaxUids { get; }

    /// <summary>The SOP Class UIDs the destination takes; empty means any.</summary>
    public IReadOnlySet<string> SopClassUids { get; }

    /// <summary>
    /// Whether a multi-frame clip over <see cref="MaxFileBytes"/> may be split into parts (a Concatenation, PS3.3
    /// C.7.6.16.2.2.4), each its own instance under the limit; when false such a clip is set aside. True by default.
    /// </summary>
    public bool SplitsLargeClips { get; init; } = true;

    /// <summary>Declares what a destination takes.</summary>
    /// <param name="maxFileBytes">The largest file in bytes (at least 1024), or <see langword="null"/> for no limit.</param>
    /// <param name="transferSyntaxUids">The accepted transfer syntax UIDs; empty for any.</param>
    /// <param name="sopClassUids">The accepted SOP Class UIDs; empty for any.</param>
    /// <returns>The declaration.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxFileBytes"/> is under 1024.</exception>
    public static OutputAcceptance Create(long? maxFileBytes, IEnumerable<string> transferSyntaxUids, IEnumerable<string> sopClassUids)
    {
        ArgumentNullException.ThrowIfNull(transferSyntaxUids);
        ArgumentNullException.ThrowIfNull(sopClassUids);
        if (maxFileBytes is { } max)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(max, 1024, nameof(maxFileBytes));
        }

        return new(maxFileBytes, new HashSet<string>(transferSyntaxUids, StringComparer.Ordinal), new HashSet<string>(sopClassUids, StringComparer.Ordinal));
    }

    /// <summary>True when the destination takes this transfer syntax.</summary>
    /// <param name="transferSyntaxUid">A transfer syntax UID.</param>
    /// <returns>Whether it is accepted.</returns>
    public bool AcceptsTransferSyntax(string transferSyntaxUid) => TransferSyntaxUids.Count == 0 || TransferSyntaxUids.Contains(transferSyntaxUid);

    /// <summary>True when the destination takes this SOP class.</summary>
    /// <param name="sopClassUid">A SOP Class UID.</param>
    /// <returns>Whether it is accepted.</returns>
    public bool AcceptsSopClass(string sopClassUid) => SopClassUids.Count == 0 || SopClassUids.Contains(sopClassUid);

    /// <summary>True when a file of this length fits.</summary>
    /// <param name="length">The file's length in bytes.</param>
    /// <returns>Whether it fits.</returns>
    public bool AcceptsLength(long length) => MaxFileBytes is not { } max || length <= max;
}
