using System.Globalization;
using Uplink.Dicom;
using Uplink.Plugins.Abstractions.Outputs;

namespace Uplink.Bench.Upload;

/// <summary>N copies of one real corpus file, each relabelled (new SOP Instance UID, anonymous patient) by the codec.</summary>
internal sealed record WorkSet(string Name, IReadOnlyList<OutboundInstance> Instances)
{
    public long Bytes => Instances.Sum(i => i.Length);

    public static WorkSet Build(string name, string source, int count, string folder)
    {
        Directory.CreateDirectory(folder);
        var file = DicomFile.Open(source);
        var instances = new List<OutboundInstance>(count);
        for (var i = 0; i < count; i++)
        {
            var sop = $"2.25.{9_000_000 + i}{Environment.TickCount64 % 100_000}";
            file.Dataset.AddOrUpdate(DicomTags.SOPInstanceUID, DicomVR.UI, sop);
            file.Dataset.AddOrUpdate(DicomTags.PatientName, DicomVR.PN, "ANONYMOUS");
            file.Dataset.AddOrUpdate(DicomTags.PatientID, DicomVR.LO, i.ToString("D6", CultureInfo.InvariantCulture));
            var path = Path.Combine(folder, $"{i:D5}.dcm");
            new DicomFile(file.Dataset, file.TransferSyntax).Save(path);
            instances.Add(new OutboundInstance(
                "bench", $"bench/{sop}", path, new FileInfo(path).Length,
                file.Dataset.GetString(DicomTags.SOPClassUID)!, sop,
                file.Dataset.GetString(DicomTags.StudyInstanceUID)!, file.Dataset.GetString(DicomTags.SeriesInstanceUID)!,
                file.TransferSyntax.Uid));
        }

        return new WorkSet(name, instances);
    }
}
