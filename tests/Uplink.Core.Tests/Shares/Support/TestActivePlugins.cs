using Microsoft.Extensions.Logging.Abstractions;
using Uplink.Core.Plugins;
using Uplink.Core.Plugins.Supervision;
using Uplink.Plugins.Abstractions.Inputs;
using Uplink.Plugins.Abstractions.Profiles;

namespace Uplink.Core.Tests.Shares.Support;

/// <summary>An <see cref="IActivePlugins"/> over plain objects, as the plugin host would hand them over.</summary>
internal sealed class TestActivePlugins(IImageSource source, params RecordingOutput[] outputs) : IActivePlugins
{
    public const string InputId = "Test.Input";

    public IReadOnlyList<ActivePlugin<IInputPlugin>> Inputs { get; } = [];

    public ActivePlugin<IAnonymizationProfile> Profile { get; } = new("Test.Profile", new TestProfile());

    public string? ProfileProblem { get; set; }

    public IReadOnlyList<ActivePlugin<GuardedOutput>> Outputs { get; } =
        [.. outputs.Select(o => new ActivePlugin<GuardedOutput>(o.Id, new GuardedOutput(o.Id, o, new PluginStates(), NullLogger.Instance)))];

    public PluginStates States { get; } = new();

    // Wrapped as ActivePlugins wraps a real plugin's source, so tests see the guard's mapping.
    public GuardedImageSource? FindImageSource(string pluginId) =>
        pluginId == InputId ? new GuardedImageSource(InputId, source, States, NullLogger.Instance) : null;

    private sealed class TestProfile : IAnonymizationProfile
    {
        public ProfileDescriptor Descriptor { get; } = new("Test", "1", "test profile", NonDicomHandling.Discard);

        public AnonymizationOutcome Anonymize(AnonymizationRequest request) => throw new NotSupportedException("The test processor never calls the profile.");
    }
}
