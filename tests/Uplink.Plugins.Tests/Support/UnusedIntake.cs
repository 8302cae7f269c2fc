using Uplink.Plugins.Abstractions.Inputs;

namespace Uplink.Plugins.Tests.Support;

/// <summary>The intake for an input under test that must never submit (routing off).</summary>
internal sealed class UnusedIntake : IShareIntake
{
    public Task<ShareReceipt> SubmitAsync(ShareRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<ShareStatusReport?> GetStatusAsync(string shareId, CancellationToken cancellationToken) => throw new NotSupportedException();
}
