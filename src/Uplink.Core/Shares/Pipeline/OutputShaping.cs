using Uplink.Core.Anonymization;
using Uplink.Core.Anonymization.Shaping;
using Uplink.Core.Plugins;
using Uplink.Core.Plugins.Supervision;
using Uplink.Core.Shares.Store;
using Uplink.Dicom;
using Uplink.Plugins.Abstractions.Outputs;
using Uplink.Plugins.Abstractions.Profiles;

namespace Uplink.Core.Shares.Pipeline;

/// <summary>
/// Shapes an image for one output (<see cref="InstanceShaper"/>, from the output's <see cref="IDeclaresAcceptance"/>)
/// and keeps the shaped, verified files in the share's spool, so a retry resends the same bytes.
/// </summary>
/// <param name="spool">The share spool.</param>
/// <param name="uids">
/// The site's UID remapper, for the leak scan of shaped files against the source; absent where the pipeline is embedded
/// with another anonymizer (which remaps nothing), when the shaped files are still held to the verified file.
/// </param>
internal sealed class OutputShaping(ShareSpool spool, IUidRemapper? uids = null)
{
    /// <summary>The verified files to send one output, shaped (or taken from the spool) for what it declares it takes.</summary>
    /// <param name="item">The leased, anonymized image.</param>
    /// <param name="info">Its verified instance.</param>
    /// <param name="output">The output.</param>
    /// <returns>The files in order, or why the output cannot be given the instance.</returns>
    /// <exception cref="IOException">The spool could not be written or read.</exception>
    public ShapingResult Shape(ImageWorkItem item, AnonymizedInstanceInfo info, ActivePlugin<GuardedOutput> output)
    {
        OutputAcceptance acceptance;
        try
        {
            acceptance = output.Instance.Declares?.Acceptance ?? OutputAcceptance.Anything;
        }
        catch (Exception ex)
        {
            return ShapingResult.SetAside($"its declaration of what it takes failed ({ex.GetType().Name})");
        }

        var folder = spool.ShapedFolder(item.ShareId, item.Position, output.PluginId);
        if (ShapingCache.Load(folder) is { } cached)
        {
            return ShapingResult.Send(cached);
        }

        DicomFile? source = null;
        try
        {
            var result = InstanceShaper.Shape(info, acceptance, folder, LeakCheck);
            if (result.SetAsideReason is null && result.Files.Any(f => f.Path != info.Path))
            {
                ShapingCache.Save(folder, result.Files);
            }

            return result;
        }
        finally
        {
            source?.Dispose();
        }

        // The leak scan needs the source the instance was anonymized from; once the source is gone, the shaped files
        // are still held to the verified file attribute by attribute, which that file's own scan covered.
        ShapingLeakCheck? LeakCheck()
        {
            if (uids is null || item.SourcePath is not { } path || !File.Exists(path))
            {
                return null;
            }

            try
            {
                source ??= DicomFile.Open(path);
                return new ShapingLeakCheck(source, uids);
            }
            catch (Exception e) when (e is DicomFormatException or IOException)
            {
                return null;
            }
        }
    }
}
