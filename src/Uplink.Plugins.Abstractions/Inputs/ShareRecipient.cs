namespace Uplink.Plugins.Abstractions.Inputs;

/// <summary>
/// The patient's contact. It is personal data: it is encrypted at rest, handed only to an output's
/// share call, and <see cref="ToString"/> never prints it, so a stray log line cannot leak it.
/// </summary>
/// <param name="Email">The patient's e-mail address, or <see langword="null"/>.</param>
/// <param name="Phone">The patient's phone number, or <see langword="null"/>.</param>
public sealed record ShareRecipient(string? Email, string? Phone)
{
    /// <summary>
    /// No contact at all: a share that only routes images to the outputs (for example a study received over
    /// DICOM), for which no output is asked for a patient link. Since contracts 1.3.
    /// </summary>
    public static ShareRecipient None { get; } = new(null, null);

    /// <summary>True when an e-mail address or a phone number is given. Since contracts 1.3.</summary>
    public bool HasContact => !string.IsNullOrWhiteSpace(Email) || !string.IsNullOrWhiteSpace(Phone);

    /// <summary>Says which channels are present, never their values.</summary>
    /// <returns>For example <c>ShareRecipient { email, phone }</c>.</returns>
    public override string ToString()
    {
        var channels = new List<string>(2);
        if (!string.IsNullOrEmpty(Email))
        {
            channels.Add("email");
        }

        if (!string.IsNullOrEmpty(Phone))
        {
            channels.Add("phone");
        }

        return $"ShareRecipient {{ {string.Join(", ", channels)} }}";
    }
}
