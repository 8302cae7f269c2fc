using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Uplink.Plugins.Abstractions.Inputs;

namespace Uplink.Input.ViewPoint.Api;

/// <summary>
/// <c>POST /api/v1/shares</c> and <c>GET /api/v1/shares/{shareId}</c>. A share is answered 202 only
/// once the intake has recorded it durably; every refusal is a specific problem+json.
/// </summary>
internal sealed partial class ShareEndpoints(
    IShareIntake intake,
    IImageSource images,
    ApiKeyGate keys,
    ViewPointOptions options,
    string pluginId,
    ILogger logger)
{
    /// <summary>Handles a share request.</summary>
    /// <param name="context">The request.</param>
    /// <returns>A task that completes when answered.</returns>
    public async Task CreateAsync(HttpContext context)
    {
        if (keys.Check(context) is { } denied)
        {
            LogRefused(logger, denied.Status, denied.Kind);
            await denied.WriteAsync(context).ConfigureAwait(false);
            return;
        }

        var (body, problem) = await RequestBody.ReadAsync(context, options.MaxBodyBytes).ConfigureAwait(false);
        CreateShareBody? share = null;
        problem ??= CreateShareParser.TryParse(body, options.MaxImagesPerShare, out share);
        problem ??= await FindUnknownAsync(share!, context.RequestAborted).ConfigureAwait(false);
        if (problem is not null)
        {
            LogRefused(logger, problem.Status, problem.Kind);
            await problem.WriteAsync(context).ConfigureAwait(false);
            return;
        }

        var request = new ShareRequest(share!.RequestId, share.ExamId, share.ImageIds, new ShareRecipient(share.Email, share.Phone), pluginId);
        ShareReceipt receipt;
        try
        {
            receipt = await intake.SubmitAsync(request, context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogNotRecorded(logger, ex.GetType().Name);
            await Problems.NotRecorded().WriteAsync(context).ConfigureAwait(false);
            return;
        }

        LogAccepted(logger, receipt.ShareId, share.ImageIds.Count, receipt.Created);
        await ShareJson.WriteReceiptAsync(context, receipt).ConfigureAwait(false);
    }

    /// <summary>Answers a share's status.</summary>
    /// <param name="context">The request.</param>
    /// <returns>A task that completes when answered.</returns>
    public async Task GetAsync(HttpContext context)
    {
        if (keys.Check(context) is { } denied)
        {
            await denied.WriteAsync(context).ConfigureAwait(false);
            return;
        }

        var shareId = context.Request.RouteValues["shareId"] as string ?? string.Empty;
        var status = await intake.GetStatusAsync(shareId, context.RequestAborted).ConfigureAwait(false);
        if (status is null)
        {
            await Problems.UnknownShare(shareId).WriteAsync(context).ConfigureAwait(false);
            return;
        }

        await ShareJson.WriteStatusAsync(context, status).ConfigureAwait(false);
    }

    private async Task<ApiProblem?> FindUnknownAsync(CreateShareBody share, CancellationToken cancellationToken)
    {
        var unknown = new List<string>();
        var invalid = new List<FieldError>();
        for (var i = 0; i < share.ImageIds.Count; i++)
        {
            var resolution = await images.ResolveAsync(share.ImageIds[i], cancellationToken).ConfigureAwait(false);
            if (resolution.Outcome == ImageResolutionOutcome.Unknown)
            {
                unknown.Add(share.ImageIds[i]);
            }
            else if (resolution.Outcome == ImageResolutionOutcome.Invalid)
            {
                invalid.Add(new FieldError($"imageIds[{i}]", resolution.Reason ?? "is not acceptable"));
            }
        }

        return invalid.Count > 0 ? Problems.Invalid(invalid) : unknown.Count > 0 ? Problems.UnknownImages(unknown) : null;
    }

    [LoggerMessage(1, LogLevel.Information, "ViewPoint share {ShareId} accepted with {ImageCount} images (new: {Created})")]
    private static partial void LogAccepted(ILogger logger, string shareId, int imageCount, bool created);

    [LoggerMessage(2, LogLevel.Warning, "ViewPoint request refused: {Status} {Kind}")]
    private static partial void LogRefused(ILogger logger, int status, string kind);

    [LoggerMessage(3, LogLevel.Error, "ViewPoint share could not be recorded: {ExceptionType}")]
    private static partial void LogNotRecorded(ILogger logger, string exceptionType);
}
