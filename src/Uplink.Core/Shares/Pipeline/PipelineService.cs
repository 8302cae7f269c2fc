using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Uplink.Core.Shares.Store;

namespace Uplink.Core.Shares.Pipeline;

/// <summary>
/// The pipeline's workers. At start it takes the data folder lock and releases the leases a killed
/// process left behind, so every accepted share is taken up again at once.
/// </summary>
internal sealed class PipelineService(
    PipelineRunner runner,
    ShareQueue shares,
    PipelineSignal signal,
    BackoffPolicy backoff,
    IOptions<PipelineOptions> options,
    ILogger<PipelineService> logger) : BackgroundService
{
    private DataFolderLock? _lock;

    /// <inheritdoc />
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _lock = DataFolderLock.Acquire(options.Value.DataDirectory);
        shares.ReleaseAllLeases();
        PipelineLog.Started(logger, options.Value.MaxParallelism, options.Value.DataDirectory);
        return base.StartAsync(cancellationToken);
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        _lock?.Dispose();
        base.Dispose();
    }

    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, options.Value.MaxParallelism).Select(_ => Task.Run(() => WorkAsync(stoppingToken), stoppingToken)));

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!await runner.RunOnceAsync(stoppingToken).ConfigureAwait(false))
                {
                    await signal.WaitAsync(options.Value.PollInterval, stoppingToken).ConfigureAwait(false);
                }

                failures = 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                var delay = backoff.Delay(failures++);
                PipelineLog.WorkerFailed(logger, ex.GetType().Name, delay);
                await signal.WaitAsync(delay, stoppingToken).ConfigureAwait(false);
            }
        }
    }
}
