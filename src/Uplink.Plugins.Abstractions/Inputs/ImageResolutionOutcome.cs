namespace Uplink.Plugins.Abstractions.Inputs;

/// <summary>The outcomes of resolving an image id.</summary>
public enum ImageResolutionOutcome
{
    /// <summary>A file exists for the id.</summary>
    Found,

    /// <summary>No file exists for the id.</summary>
    Unknown,

    /// <summary>The id itself is not acceptable.</summary>
    Invalid,
}
