using Microsoft.Extensions.Logging.Abstractions;
using Uplink.Core.Plugins;
using Uplink.Core.Plugins.Supervision;
using Uplink.Plugins.Abstractions.Profiles;

namespace Uplink.Core.Tests.Plugins.Supervision;

public sealed class GuardedProfileTests
{
    private static readonly ProfileDescriptor Descriptor = new("Anon-LPU-O", "1", "strict", NonDicomHandling.Discard);

    [Fact]
    public void AThrowingProfile_SetsTheInstanceAside_WithoutTheExceptionsMessage()
    {
        var states = GuardedOutputTests.StatesWith("Vendor.Profile");
        var guarded = new GuardedProfile("Vendor.Profile", new Throwing(), Descriptor, states, NullLogger.Instance);

        var outcome = guarded.Anonymize(new AnonymizationRequest(null!, null!));

        Assert.Equal(AnonymizationDisposition.SetAside, outcome.Disposition);
        Assert.Equal("profile Anon-LPU-O of plugin Vendor.Profile failed (ArgumentException)", outcome.Reason);
        Assert.Null(outcome.Output);
        Assert.Equal(PluginStatus.Faulted, states.Find("Vendor.Profile")!.Status);
        Assert.DoesNotContain("DOE", states.Find("Vendor.Profile")!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void TheDescriptor_IsTheOneReadAtActivation()
    {
        var guarded = new GuardedProfile("Vendor.Profile", new Throwing(), Descriptor, new PluginStates(), NullLogger.Instance);

        Assert.Same(Descriptor, guarded.Descriptor);
    }

    private sealed class Throwing : IAnonymizationProfile
    {
        public ProfileDescriptor Descriptor => throw new InvalidOperationException("not read twice");

        public AnonymizationOutcome Anonymize(AnonymizationRequest request) =>
            throw new ArgumentException("cannot parse patient name DOE^JANE", nameof(request));
    }
}
