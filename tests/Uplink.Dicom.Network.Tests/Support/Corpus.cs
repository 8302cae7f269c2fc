using Uplink.Tests.Shared;

namespace Uplink.Dicom.Network.Tests.Support;

/// <summary>Files of shared/dicom-corpus, and the data set bytes of a Part 10 file (everything after the file meta).</summary>
internal static class Corpus
{
    public static string File(string relative)
    {
        var root = RepositoryLayout.Shared("dicom-corpus");
        if (root is null)
        {
            Assert.Skip("shared/dicom-corpus was not found above the test folder.");
        }

        return Path.Combine(root, relative);
    }

    public static byte[] DatasetBytes(string path)
    {
        var header = Part10Header.Read(path);
        return System.IO.File.ReadAllBytes(path)[(int)header.DatasetOffset..];
    }
}
