using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.DependencyInjection;
using Uplink.Output.Folder;
using Uplink.Plugins.Abstractions.Inputs;
using Uplink.Plugins.Abstractions.Outputs;
using Uplink.Plugins.Tests.Support;

namespace Uplink.Plugins.Tests.Outputs.Folder;

public sealed class FolderOutputTests : IDisposable
{
    private readonly TempFolder _temp = new("uplink-folder");

    [Fact]
    public async Task DeliverAsync_WritesStudySeriesSopTree_WithTheSameBytes()
    {
        var output = CreateOutput();
        var instance = Instance("1.2.3", "1.2.3.4", "1.2.3.4.5", [1, 2, 3, 4]);

        var results = await output.DeliverAsync([instance], TestContext.Current.CancellationToken);

        Assert.Equal(DeliveryStatus.Delivered, Assert.Single(results).Status);
        var target = _temp.Combine("out", "1.2.3", "1.2.3.4", "1.2.3.4.5.dcm");
        Assert.Equal(new byte[] { 1, 2, 3, 4 }, await File.ReadAllBytesAsync(target, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task DeliverAsync_Repeated_IsIdempotentAndLeavesNoTempFiles()
    {
        var output = CreateOutput();
        var instance = Instance("1.2.3", "1.2.3.4", "1.2.3.4.5", [9, 8, 7]);

        await output.DeliverAsync([instance], TestContext.Current.CancellationToken);
        var again = await output.DeliverAsync([instance, instance], TestContext.Current.CancellationToken);

        Assert.All(again, r => Assert.Equal(DeliveryStatus.Delivered, r.Status));
        var files = Directory.GetFiles(_temp.Combine("out"), "*", SearchOption.AllDirectories);
        Assert.Equal(_temp.Combine("out", "1.2.3", "1.2.3.4", "1.2.3.4.5.dcm"), Assert.Single(files));
    }

    [Fact]
    public async Task DeliverAsync_UidThatCouldEscapeTheRoot_IsSetAsideAndOthersStillDelivered()
    {
        var output = CreateOutput();
        var evil = Instance("..", "1.2", "1.2.3", [1]);
        var good = Instance("1.9", "1.9.1", "1.9.1.1", [2]);

        var results = await output.DeliverAsync([evil, good], TestContext.Current.CancellationToken);

        Assert.Equal(DeliveryStatus.SetAside, results[0].Status);
        Assert.Contains("Study Instance UID", results[0].Reason, StringComparison.Ordinal);
        Assert.Equal(DeliveryStatus.Delivered, results[1].Status);
        Assert.False(Directory.Exists(_temp.Combine("1.2")));
    }

    [Fact]
    public async Task DeliverAsync_MissingSourceFile_IsSetAsideWithReason()
    {
        var output = CreateOutput();
        var instance = Instance("1.2.3", "1.2.3.4", "1.2.3.4.6", [1]) with { FilePath = _temp.Combine("gone.dcm") };

        var result = Assert.Single(await output.DeliverAsync([instance], TestContext.Current.CancellationToken));

        Assert.Equal(DeliveryStatus.SetAside, result.Status);
        Assert.Contains("no longer exists", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CompleteShareAsync_HasNoPatientSharing_AndReportsDelivered()
    {
        var output = CreateOutput();
        var share = new ShareCompletion("share-1", new ShareRecipient("a@example.org", null), ["1.2"], 1);

        var result = await output.CompleteShareAsync(share, TestContext.Current.CancellationToken);

        Assert.Equal(DeliveryResult.Delivered("share-1"), result);
        Assert.False(Directory.Exists(_temp.Combine("out")));
    }

    [Fact]
    public void ConfigureServices_RelativeRoot_IsRefusedNamingTheSetting()
    {
        var context = new TestPluginContext("folder", new Dictionary<string, string?> { ["Root"] = "relative/out" }, _temp.Path);

        var error = Assert.Throws<ValidationException>(() => new FolderPlugin().ConfigureServices(new ServiceCollection(), context));

        Assert.Contains("'Root'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ConfigureServices_MissingRoot_IsRefusedNamingTheSetting()
    {
        var context = new TestPluginContext("folder", new Dictionary<string, string?>(), _temp.Path);

        var error = Assert.Throws<ValidationException>(() => new FolderPlugin().ConfigureServices(new ServiceCollection(), context));

        Assert.StartsWith("Folder output setting 'Root'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ConfigureServices_RootThatIsAFile_IsRefusedNamingTheSetting()
    {
        var file = _temp.Combine("not-a-folder");
        File.WriteAllText(file, "x");
        var context = new TestPluginContext("folder", new Dictionary<string, string?> { ["Root"] = file }, _temp.Path);

        var error = Assert.Throws<ValidationException>(() => new FolderPlugin().ConfigureServices(new ServiceCollection(), context));

        Assert.StartsWith("Folder output setting 'Root' names a file", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _temp.Dispose();

    private IOutputPlugin CreateOutput()
    {
        var context = new TestPluginContext("folder", new Dictionary<string, string?> { ["Root"] = _temp.Combine("out") }, _temp.Path);
        var services = new ServiceCollection();
        new FolderPlugin().ConfigureServices(services, context);
        return services.BuildServiceProvider().GetRequiredService<IOutputPlugin>();
    }

    private OutboundInstance Instance(string study, string series, string sop, byte[] content)
    {
        var path = _temp.Combine($"{Guid.NewGuid():N}.src");
        File.WriteAllBytes(path, content);
        return new OutboundInstance("share-1", $"share-1/{sop}", path, content.Length, "1.2.840.10008.5.1.4.1.1.6.1", sop, study, series, "1.2.840.10008.1.2.1");
    }
}
