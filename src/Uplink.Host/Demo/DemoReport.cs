using System.Globalization;
using Uplink.Core.Anonymization.Pixels;
using Uplink.Core.Shares.Store;
using Uplink.Dicom;

namespace Uplink.Host.Demo;

/// <summary>Prints, image by image and side by side, what went into Uplink and what came out of it.</summary>
internal static class DemoReport
{
    private static readonly DicomTag[] Identity =
    [
        DicomTags.PatientName, DicomTags.PatientID, DicomTags.PatientBirthDate, DicomTags.PatientSex,
        DicomTags.PatientAddress, DicomTags.PatientTelephoneNumbers, DicomTags.InstitutionName,
        DicomTags.ReferringPhysicianName, DicomTags.OperatorsName, DicomTags.StudyDate, DicomTags.StudyTime,
        DicomTags.AccessionNumber, DicomTags.StudyInstanceUID, DicomTags.SOPInstanceUID,
        DicomTags.PatientIdentityRemoved, DicomTags.DeidentificationMethod, DicomTags.BurnedInAnnotation, DicomTags.NumberOfFrames,
    ];

    /// <summary>Writes the comparison.</summary>
    /// <param name="output">Where to write.</param>
    /// <param name="exam">The generated exam.</param>
    /// <param name="outcomes">What the pipeline recorded for each image.</param>
    /// <param name="findSent">Finds the file that arrived at the output for an anonymized SOP Instance UID (null when none did).</param>
    /// <param name="shownRelativeTo">The folder the printed paths of arrived files are relative to.</param>
    /// <param name="pictures">Where the before/after PNG of each image's first frame is written.</param>
    public static void Write(TextWriter output, IReadOnlyList<DemoImage> exam, IReadOnlyList<SharedInstance> outcomes, Func<string, string?> findSent, string shownRelativeTo, string pictures)
    {
        foreach (var image in exam)
        {
            var outcome = outcomes.FirstOrDefault(o => o.ImageId == image.ImageId);
            output.WriteLine();
            output.WriteLine($"{image.ImageId}: {image.Kind} -> {Describe(outcome)}");
            var sent = outcome?.SopInstanceUid is { } sop ? findSent(sop) : null;
            if (sent is null)
            {
                output.WriteLine($"   nothing left the clinic for this file ({new FileInfo(image.Path).Length:N0} bytes in).");
                continue;
            }

            using var before = DicomFile.Open(image.Path);
            using var after = DicomFile.Open(sent);
            Row(output, string.Empty, "went in", "came out");
            foreach (var tag in Identity)
            {
                var entry = DicomDictionary.Lookup(tag);
                Row(output, entry?.Keyword ?? tag.ToString(), Text(before.Dataset, tag), Text(after.Dataset, tag));
            }

            Row(output, "private tags", Count(before.Dataset, t => t.IsPrivate), Count(after.Dataset, t => t.IsPrivate));
            Row(output, "all tags (every depth)", Count(before.Dataset, _ => true), Count(after.Dataset, _ => true));
            Row(output, "file size (bytes)", $"{new FileInfo(image.Path).Length:N0}", $"{new FileInfo(sent).Length:N0}");
            output.WriteLine($"   out: {Path.GetRelativePath(shownRelativeTo, sent)}");
            if (before.Dataset.Contains(DicomTags.PixelData))
            {
                Directory.CreateDirectory(pictures);
                var (beforePng, afterPng) = (Path.Combine(pictures, $"{image.ImageId}-before.png"), Path.Combine(pictures, $"{image.ImageId}-after.png"));
                FramePicture.Render(before, 0).SavePng(beforePng);
                FramePicture.Render(after, 0).SavePng(afterPng);
                output.WriteLine($"   frame 0, banner and all: {beforePng}");
                output.WriteLine($"   frame 0 as it left:      {afterPng}");
            }
        }
    }

    /// <summary>Finds a sent file in the folder output by its SOP Instance UID.</summary>
    /// <param name="outputRoot">The folder output's root.</param>
    /// <returns>The finder.</returns>
    public static Func<string, string?> InFolder(string outputRoot) =>
        sop => Directory.EnumerateFiles(outputRoot, $"{sop}.dcm", SearchOption.AllDirectories).FirstOrDefault();

    private static string Describe(SharedInstance? outcome) => outcome switch
    {
        null => "not recorded",
        { Reason: { } reason } => $"{Name(outcome)} ({reason})",
        _ => Name(outcome),
    };

    private static string Name(SharedInstance outcome) => outcome.State.ToString().ToLowerInvariant();

    private static string Text(DicomDataset dataset, DicomTag tag) => dataset.Contains(tag)
        ? (dataset.GetString(tag) is { Length: > 0 } text ? text : "(empty)")
        : "-";

    private static string Count(DicomDataset dataset, Func<DicomTag, bool> predicate) =>
        CountItems(dataset, predicate).ToString("N0", CultureInfo.InvariantCulture);

    private static int CountItems(DicomDataset dataset, Func<DicomTag, bool> predicate) =>
        dataset.Sum(item => (predicate(item.Tag) ? 1 : 0) + (item is DicomSequence sequence ? sequence.Items.Sum(i => CountItems(i, predicate)) : 0));

    private static void Row(TextWriter output, string name, string before, string after) =>
        output.WriteLine($"   {name,-24} {Cut(before),-40} {Cut(after)}");

    private static string Cut(string text) => text.Length <= 38 ? text : string.Concat(text.AsSpan(0, 35), "...");
}
