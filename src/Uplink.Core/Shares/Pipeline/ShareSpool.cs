using Microsoft.Extensions.Options;

namespace Uplink.Core.Shares.Pipeline;

/// <summary>
/// Where anonymized instances wait for their outputs: <c>{data}/spool/{shareId}/{position}.dcm</c>.
/// Only anonymized, verified files are written here; a share's folder goes when the share ends.
/// </summary>
internal sealed class ShareSpool(IOptions<PipelineOptions> options)
{
    private readonly string _root = Path.Combine(options.Value.DataDirectory, "spool");

    /// <summary>The anonymized file of one image (its folder is created).</summary>
    /// <param name="shareId">The share.</param>
    /// <param name="position">The image's position.</param>
    /// <returns>The file path.</returns>
    public string AnonymizedPath(string shareId, int position)
    {
        var folder = Path.Combine(_root, shareId);
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, $"{position}.dcm");
    }

    /// <summary>Where the files shaped for one output from one image are kept until the share ends (the folder is not created).</summary>
    /// <param name="shareId">The share.</param>
    /// <param name="position">The image's position.</param>
    /// <param name="outputId">The output plugin's id.</param>
    /// <returns>The folder path.</returns>
    public string ShapedFolder(string shareId, int position, string outputId)
    {
        var safe = string.Concat(outputId.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_'));
        return Path.Combine(_root, shareId, $"{position}.shaped", safe);
    }

    /// <summary>Deletes what the spool keeps of one image (its anonymized file and the files shaped from it), if anything.</summary>
    /// <param name="shareId">The share.</param>
    /// <param name="position">The image's position.</param>
    public void DeleteImage(string shareId, int position)
    {
        var folder = Path.Combine(_root, shareId);
        if (!Directory.Exists(folder))
        {
            return;
        }

        File.Delete(Path.Combine(folder, $"{position}.dcm"));
        var shaped = Path.Combine(folder, $"{position}.shaped");
        if (Directory.Exists(shaped))
        {
            Directory.Delete(shaped, recursive: true);
        }
    }

    /// <summary>Deletes a finished share's folder.</summary>
    /// <param name="shareId">The share.</param>
    public void Delete(string shareId)
    {
        var folder = Path.Combine(_root, shareId);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
