using Uplink.Plugins.Abstractions.Profiles;

namespace Uplink.Profiles.Builtin.Engine;

/// <summary>A profile read from its file: the descriptor with its declared rules, and the option methods selected.</summary>
/// <param name="Descriptor">The descriptor; <see cref="ProfileDescriptor.Rules"/> is always set.</param>
/// <param name="Options">The selected options' method codes, with the tags each one retains or cleans.</param>
internal sealed record ProfileDefinition(ProfileDescriptor Descriptor, IReadOnlyList<MethodCode> Options)
{
    /// <summary>The declared rules.</summary>
    public ProfileRules Rules => Descriptor.Rules!;
}
