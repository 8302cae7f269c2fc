using Uplink.Plugins.Abstractions.Inputs;

namespace Uplink.Plugins.Abstractions.Tests;

public sealed class ShareRecipientTests
{
    [Fact]
    public void ToString_NamesTheChannels_NeverTheirValues()
    {
        var recipient = new ShareRecipient("jane.doe@example.org", "+46 70 123 45 67");
        var request = new ShareRequest("r1", "e1", ["1"], recipient, "viewpoint");

        var text = $"{recipient} {request}";

        Assert.DoesNotContain("jane.doe", text, StringComparison.Ordinal);
        Assert.DoesNotContain("123 45", text, StringComparison.Ordinal);
        Assert.Contains("ShareRecipient { email, phone }", text, StringComparison.Ordinal);
    }
}
