namespace Uplink.Output.Tricefy.Sharing;

/// <summary>The contact inside <see cref="ShareHandoffBody"/>; absent channels are null.</summary>
/// <param name="Email">The e-mail.</param>
/// <param name="Phone">The phone.</param>
internal sealed record ShareHandoffRecipient(string? Email, string? Phone)
{
    /// <summary>Never prints the contact.</summary>
    /// <returns>A placeholder.</returns>
    public override string ToString() => "ShareHandoffRecipient { *** }";
}
