using Uplink.Core.Anonymization;
using Uplink.Plugins.Abstractions.Inputs;

namespace Uplink.Core.Shares.Store;

/// <summary>An image a worker has leased: where it stands and what earlier stages recorded.</summary>
/// <param name="ShareId">The share.</param>
/// <param name="Position">The image's position in the request.</param>
/// <param name="ImageId">The caller's image id.</param>
/// <param name="SourcePluginId">The input whose image source resolves the id.</param>
/// <param name="State">The stage reached so far.</param>
/// <param name="Attempt">Failed attempts at the current stage.</param>
/// <param name="LeaseToken">The lease; every update is guarded by it.</param>
/// <param name="SourcePath">The resolved source file, once fetched.</param>
/// <param name="Anonymized">The anonymized instance, once anonymized.</param>
internal sealed record ImageWorkItem(
    string ShareId,
    int Position,
    string ImageId,
    string SourcePluginId,
    ImageState State,
    int Attempt,
    string LeaseToken,
    string? SourcePath,
    AnonymizedInstanceInfo? Anonymized);
