namespace Uplink.Core.Plugins.Supervision;

/// <summary>What the guarded image source made of an image id, and so what the pipeline does next.</summary>
internal enum ImageLookupOutcome
{
    /// <summary>A file exists for the id: the image goes on.</summary>
    Found,

    /// <summary>No file exists for the id (yet): retried a limited number of times.</summary>
    Unknown,

    /// <summary>The id itself is not acceptable: the image fails at once.</summary>
    Invalid,

    /// <summary>The source failed with a passing fault (I/O, timeout, network): retried until it answers, like a delivery.</summary>
    Unavailable,

    /// <summary>The source failed in a way retrying may not cure (a bug, no answer): retried a limited number of times.</summary>
    Faulted,
}
