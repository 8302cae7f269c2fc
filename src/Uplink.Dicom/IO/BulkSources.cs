namespace Uplink.Dicom.IO;

/// <summary>Finds the files a dataset's bulk values are read from.</summary>
internal static class BulkSources
{
    /// <summary>Every distinct source behind the bulk values of the dataset and its items.</summary>
    public static HashSet<BulkSource> Of(DicomDataset dataset)
    {
        var sources = new HashSet<BulkSource>();
        Collect(dataset, sources);
        return sources;
    }

    private static void Collect(DicomDataset dataset, HashSet<BulkSource> sources)
    {
        foreach (var item in dataset)
        {
            switch (item)
            {
                case DicomElement { Bulk: { } bulk }:
                    sources.Add(bulk.Source);
                    break;
                case DicomSequence sequence:
                    foreach (var child in sequence.Items)
                    {
                        Collect(child, sources);
                    }

                    break;
                case DicomFragmentSequence fragments:
                    foreach (var fragment in fragments.Fragments)
                    {
                        if (fragment.Bulk is { } reference)
                        {
                            sources.Add(reference.Source);
                        }
                    }

                    break;
            }
        }
    }
}
