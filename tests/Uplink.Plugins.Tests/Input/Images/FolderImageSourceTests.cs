using Uplink.Input.ViewPoint;
using Uplink.Input.ViewPoint.Images;
using Uplink.Plugins.Abstractions.Inputs;

namespace Uplink.Plugins.Tests.Input.Images;

public sealed class FolderImageSourceTests : IDisposable
{
    private readonly string _root = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "uplink-tests", Guid.NewGuid().ToString("N"))).FullName;

    [Fact]
    public async Task An_id_resolves_through_the_path_template()
    {
        Directory.CreateDirectory(Path.Combine(_root, "store", "exams"));
        File.WriteAllText(Path.Combine(_root, "store", "exams", "IMG7.dicom"), "x");
        var source = new FolderImageSource(new ViewPointOptions { ImageRoot = Path.Combine(_root, "store"), PathTemplate = "exams/{imageId}.dicom" });

        var resolution = await source.ResolveAsync("IMG7", CancellationToken.None);

        Assert.Equal(ImageResolutionOutcome.Found, resolution.Outcome);
        Assert.Equal(Path.Combine(_root, "store", "exams", "IMG7.dicom"), resolution.Path);
    }

    [Fact]
    public async Task A_missing_file_is_unknown_and_says_what_was_looked_for()
    {
        var source = new FolderImageSource(new ViewPointOptions { ImageRoot = _root });

        var resolution = await source.ResolveAsync("IMG8", CancellationToken.None);

        Assert.Equal(ImageResolutionOutcome.Unknown, resolution.Outcome);
        Assert.Equal("no file for the image id in the image store (ImageRoot, PathTemplate)", resolution.Reason);
        Assert.DoesNotContain("IMG8", resolution.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../secret")]
    [InlineData("..")]
    [InlineData("/etc/passwd")]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData(".hidden")]
    [InlineData("")]
    public async Task Ids_that_could_leave_the_store_are_invalid(string imageId)
    {
        File.WriteAllText(Path.Combine(Path.GetDirectoryName(_root)!, "secret.dcm"), "outside");
        var source = new FolderImageSource(new ViewPointOptions { ImageRoot = _root });

        var resolution = await source.ResolveAsync(imageId, CancellationToken.None);

        Assert.Equal(ImageResolutionOutcome.Invalid, resolution.Outcome);
    }

    [Fact]
    public async Task A_template_that_climbs_out_of_the_root_is_caught_by_the_full_path_check()
    {
        var source = new FolderImageSource(new ViewPointOptions { ImageRoot = Path.Combine(_root, "store"), PathTemplate = "../{imageId}.dcm" });

        var resolution = await source.ResolveAsync("IMG1", CancellationToken.None);

        Assert.Equal(ImageResolutionOutcome.Invalid, resolution.Outcome);
        Assert.Equal("the image id leads outside the image store", resolution.Reason);
    }

    [Fact]
    public async Task A_link_inside_the_store_that_points_outside_is_invalid()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "symbolic links need privileges on Windows");
        var outside = Path.Combine(_root, "outside.dcm");
        File.WriteAllText(outside, "outside");
        var store = Directory.CreateDirectory(Path.Combine(_root, "store")).FullName;
        File.CreateSymbolicLink(Path.Combine(store, "IMG9.dcm"), outside);
        var source = new FolderImageSource(new ViewPointOptions { ImageRoot = store });

        var resolution = await source.ResolveAsync("IMG9", CancellationToken.None);

        Assert.Equal(ImageResolutionOutcome.Invalid, resolution.Outcome);
    }

    [Fact]
    public void A_template_without_the_placeholder_is_refused_at_start()
    {
        var error = Assert.Throws<ArgumentException>(() => new FolderImageSource(new ViewPointOptions { ImageRoot = _root, PathTemplate = "images.dcm" }));

        Assert.Contains("does not contain {imageId}", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
