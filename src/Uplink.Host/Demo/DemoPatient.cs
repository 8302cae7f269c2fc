namespace Uplink.Host.Demo;

/// <summary>The made-up identity planted in the demo exam, and the contact ViewPoint sends with it.</summary>
internal static class DemoPatient
{
    /// <summary>The planted Patient's Name.</summary>
    public const string Name = "DOE^JANE^DEMO";

    /// <summary>The planted Patient ID.</summary>
    public const string Id = "PID-4471-DEMO";

    /// <summary>The planted birth date.</summary>
    public const string BirthDate = "19930415";

    /// <summary>The recipient's e-mail that ViewPoint sends (never written into any file by Uplink).</summary>
    public const string Email = "jane.doe.demo@example.org";

    /// <summary>The recipient's phone that ViewPoint sends.</summary>
    public const string Phone = "+46 70 555 01 99";
}
