using Uplink.Plugins.Abstractions.Inputs;

namespace Uplink.Core.Tests.Shares.Support;

/// <summary>An image source that throws or answers from a script first, then asks the real source.</summary>
internal sealed class ScriptedSource(IImageSource inner) : IImageSource
{
    /// <summary>What the next calls do: an exception to throw, or a resolution to return.</summary>
    public Queue<object> Script { get; } = new();

    public int Calls { get; private set; }

    public ValueTask<ImageResolution> ResolveAsync(string imageId, CancellationToken cancellationToken)
    {
        Calls++;
        return Script.TryDequeue(out var next)
            ? next is Exception ex ? throw ex : ValueTask.FromResult((ImageResolution)next)
            : inner.ResolveAsync(imageId, cancellationToken);
    }
}
