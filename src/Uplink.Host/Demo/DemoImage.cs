namespace Uplink.Host.Demo;

/// <summary>One file of the generated exam, as ViewPoint's image store holds it.</summary>
/// <param name="ImageId">The id ViewPoint sends.</param>
/// <param name="Path">The file.</param>
/// <param name="Kind">What it is, for the side-by-side table.</param>
internal sealed record DemoImage(string ImageId, string Path, string Kind);
