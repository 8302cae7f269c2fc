namespace Uplink.Input.DicomStore.Retrieval;

/// <summary>
/// The plugin's <c>Retrieve</c> settings section (bound from configuration): the archive that image ids not yet
/// received are fetched from. Retrieval is off while <see cref="Archive"/> is empty.
/// </summary>
internal sealed class RetrieveOptions
{
    /// <summary>The archive as <c>AE@HOST:PORT</c> (ViewPoint's archive or the PACS).</summary>
    public string? Archive { get; set; }

    /// <summary>
    /// <c>get</c>: C-GET, the instance comes back on the same association. <c>move</c>: C-MOVE to this input's own
    /// AE title, so the archive must list that AE with this host and port (and, when the input allow-lists callers,
    /// the archive's AE title must be among them).
    /// </summary>
    public string Method { get; set; } = "get";

    /// <summary>The Query/Retrieve information model: <c>study</c> or <c>patient</c>.</summary>
    public string Root { get; set; } = "study";

    /// <summary>Uplink's AE title towards the archive; the input's own AE title when empty.</summary>
    public string? CallingAeTitle { get; set; }

    /// <summary>Seconds to wait for the connection, the association and each response of the archive.</summary>
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>Seconds a cancelled retrieve waits for the archive to answer C-CANCEL before aborting the association.</summary>
    public int CancelGraceSeconds { get; set; } = 10;
}
