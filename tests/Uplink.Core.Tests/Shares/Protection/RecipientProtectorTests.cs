using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Uplink.Core.Shares;
using Uplink.Core.Shares.Protection;
using Uplink.Plugins.Abstractions.Inputs;

namespace Uplink.Core.Tests.Shares.Protection;

public sealed class RecipientProtectorTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "uplink-tests", Guid.NewGuid().ToString("N"));
    private readonly ShareRecipient _recipient = new("jane.doe@example.org", "+46701234567");

    [Fact]
    public void Unprotect_returns_what_Protect_was_given_even_from_a_new_instance_over_the_same_folder()
    {
        var bytes = Create().Protect("share-1", _recipient);

        Assert.Equal(_recipient, Create().Unprotect("share-1", bytes));
    }

    [Fact]
    public void Protect_never_gives_the_same_bytes_twice_and_never_the_plain_text()
    {
        var protector = Create();

        var first = protector.Protect("share-1", _recipient);
        var second = protector.Protect("share-1", _recipient);

        Assert.NotEqual(first, second);
        Assert.DoesNotContain("example.org", System.Text.Encoding.Latin1.GetString(first), StringComparison.Ordinal);
    }

    [Fact]
    public void Unprotect_refuses_bytes_that_belong_to_another_share()
    {
        var bytes = Create().Protect("share-1", _recipient);

        Assert.ThrowsAny<CryptographicException>(() => Create().Unprotect("share-2", bytes));
    }

    [Fact]
    public void Unprotect_refuses_altered_bytes()
    {
        var bytes = Create().Protect("share-1", _recipient);
        bytes[^1] ^= 1;

        Assert.ThrowsAny<CryptographicException>(() => Create().Unprotect("share-1", bytes));
    }

    [Fact]
    public void The_key_file_is_32_random_bytes_readable_by_the_owner_only()
    {
        Create();

        var path = Path.Combine(_folder, RecipientKeyFile.FileName);
        Assert.Equal(32, new FileInfo(path).Length);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
    }

    [Fact]
    public void A_truncated_key_file_is_reported_with_its_path_instead_of_being_replaced()
    {
        Directory.CreateDirectory(_folder);
        File.WriteAllBytes(Path.Combine(_folder, RecipientKeyFile.FileName), new byte[7]);

        var error = Assert.Throws<InvalidDataException>(() => Create());

        Assert.Contains("holds 7 bytes instead of 32", error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private RecipientProtector Create() => new(Options.Create(new PipelineOptions { DataDirectory = _folder }));
}
