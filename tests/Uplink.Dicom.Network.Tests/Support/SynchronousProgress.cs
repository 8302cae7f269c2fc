namespace Uplink.Dicom.Network.Tests.Support;

/// <summary>Collects progress reports as they are made (Progress&lt;T&gt; would post them to the thread pool, after the call returns).</summary>
internal sealed class SynchronousProgress(List<DicomRetrieveStatus> reports) : IProgress<DicomRetrieveStatus>
{
    public void Report(DicomRetrieveStatus value) => reports.Add(value);
}
