using System.Globalization;
using Uplink.Dicom.Network;
using Uplink.Input.DicomStore;

// Usage: Uplink.Bench.Dimse PORT DIRECTORY — receives as AE UPLINK on 127.0.0.1 until killed, acknowledging
// each instance only once it is durable (the same store as the DicomStore input plugin).
var port = int.Parse(args[0], CultureInfo.InvariantCulture);
var store = new DurableInstanceStore(args[1]);
Directory.CreateDirectory(store.Directory);
var options = new DicomServerOptions
{
    AeTitle = "UPLINK",
    Port = port,
    AbstractSyntaxes = new DicomStoreOptions().SopClasses,
    TemporaryDirectory = store.Directory,
};
await using var server = DicomServer.Start(options, store);
Console.WriteLine($"listening on {server.Port}");
await Task.Delay(Timeout.InfiniteTimeSpan);
