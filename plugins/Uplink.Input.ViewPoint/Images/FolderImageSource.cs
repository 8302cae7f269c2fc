using Uplink.Plugins.Abstractions.Inputs;

namespace Uplink.Input.ViewPoint.Images;

/// <summary>
/// ViewPoint's image store on disk: <c>{ImageRoot}/{PathTemplate}</c> with the id substituted. Ids are
/// checked, and the full path (and a symbolic link's final target) must stay inside the root.
/// </summary>
internal sealed class FolderImageSource : IImageSource
{
    private readonly string _root;
    private readonly string _template;

    public FolderImageSource(ViewPointOptions options)
    {
        if (!options.PathTemplate.Contains("{imageId}", StringComparison.Ordinal))
        {
            throw new ArgumentException($"The ViewPoint PathTemplate '{options.PathTemplate}' does not contain {{imageId}}.", nameof(options));
        }

        _root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(string.IsNullOrEmpty(options.ImageRoot) ? "." : options.ImageRoot)) + Path.DirectorySeparatorChar;
        _template = options.PathTemplate;
    }

    /// <inheritdoc />
    public ValueTask<ImageResolution> ResolveAsync(string imageId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Resolve(imageId));

    private ImageResolution Resolve(string imageId)
    {
        if (ImageIdRules.Check(imageId) is { } problem)
        {
            return ImageResolution.Invalid($"the image id {problem}");
        }

        var relative = _template.Replace("{imageId}", imageId, StringComparison.Ordinal);
        var path = Path.GetFullPath(Path.Combine(_root, relative));
        if (!IsInside(path))
        {
            return ImageResolution.Invalid("the image id leads outside the image store");
        }

        var file = new FileInfo(path);
        if (!file.Exists)
        {
            // The reason is shown to admins and in status answers, which never show an image id.
            return ImageResolution.Unknown("no file for the image id in the image store (ImageRoot, PathTemplate)");
        }

        if (file.LinkTarget is not null && (file.ResolveLinkTarget(returnFinalTarget: true) is not { } target || !IsInside(Path.GetFullPath(target.FullName))))
        {
            return ImageResolution.Invalid("the image file is a link that leads outside the image store");
        }

        return ImageResolution.Found(path);
    }

    private bool IsInside(string fullPath) => fullPath.StartsWith(_root, OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
}
