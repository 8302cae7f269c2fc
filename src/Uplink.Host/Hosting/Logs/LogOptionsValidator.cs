using Microsoft.Extensions.Options;

namespace Uplink.Host.Hosting.Logs;

/// <summary>Validates <see cref="LogOptions"/>; each failure names the setting and the value.</summary>
internal sealed class LogOptionsValidator : IValidateOptions<LogOptions>
{
    /// <summary>The most files <c>Uplink:Logs:RetainedFileCount</c> may keep (ten years of daily files).</summary>
    public const int MaximumRetainedFileCount = 3650;

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, LogOptions options)
    {
        var failures = new List<string>();
        if (options.RetainedFileCount is < 1 or > MaximumRetainedFileCount)
        {
            failures.Add($"{LogOptions.SectionName}:RetainedFileCount ({options.RetainedFileCount}) must be between 1 and {MaximumRetainedFileCount}");
        }

        if (options.FileSizeLimitBytes < LogOptions.MinimumFileSizeLimitBytes)
        {
            failures.Add($"{LogOptions.SectionName}:FileSizeLimitBytes ({options.FileSizeLimitBytes}) must be at least {LogOptions.MinimumFileSizeLimitBytes}");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
