using System.Security.Cryptography;

namespace Uplink.Core.Shares.Protection;

/// <summary>
/// The 256-bit AES key that protects recipients at rest: a file in the data folder, created on first
/// use and readable by the service account only.
/// </summary>
internal static class RecipientKeyFile
{
    /// <summary>The key file's name inside the data folder.</summary>
    public const string FileName = "recipient.key";

    /// <summary>Reads the key, creating it first when it does not exist.</summary>
    /// <param name="dataDirectory">The data folder.</param>
    /// <returns>The 32-byte key.</returns>
    public static byte[] LoadOrCreate(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        var path = Path.Combine(dataDirectory, FileName);
        if (!File.Exists(path))
        {
            var key = RandomNumberGenerator.GetBytes(32);
            var temp = path + ".tmp";
            var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Options = FileOptions.WriteThrough };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var stream = new FileStream(temp, options))
            {
                stream.Write(key);
            }

            try
            {
                File.Move(temp, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                File.Delete(temp);
            }
        }

        var bytes = File.ReadAllBytes(path);
        return bytes.Length == 32
            ? bytes
            : throw new InvalidDataException($"The recipient key file {path} holds {bytes.Length} bytes instead of 32; restore it from backup or remove it together with the share store.");
    }
}
