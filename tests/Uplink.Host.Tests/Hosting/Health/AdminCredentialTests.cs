using Uplink.Host.Hosting.Health;

namespace Uplink.Host.Tests.Hosting.Health;

public sealed class AdminCredentialTests
{
    private const string Key = "0123456789abcdefghijklmnopqrstuvwxyzABCD";

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Bearer")]
    [InlineData("Bearer ")]
    [InlineData("Basic " + Key)]
    [InlineData("Bearer " + Key + "x")]
    [InlineData("Bearer 0123456789abcdefghijklmnopqrstuvwxyzABCd")]
    public void Anything_but_the_key_as_a_bearer_token_is_refused(string? header) =>
        Assert.False(AdminCredential.Matches(header, Key));

    [Fact]
    public void The_key_as_a_bearer_token_is_accepted_and_no_key_accepts_nothing()
    {
        Assert.True(AdminCredential.Matches("Bearer " + Key, Key));
        Assert.True(AdminCredential.Matches("bearer " + Key, Key));
        Assert.False(AdminCredential.Matches("Bearer " + Key, null));
    }
}
