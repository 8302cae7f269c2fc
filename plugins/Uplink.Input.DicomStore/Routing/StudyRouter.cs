using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Uplink.Dicom;
using Uplink.Plugins.Abstractions.Inputs;

namespace Uplink.Input.DicomStore.Routing;

/// <summary>
/// Turns received instances into shares without recipient: once a study has received nothing for the quiet
/// period, its instances not routed before become one share to the active outputs. Each routed-to-be instance
/// has a marker file (its study UID) written before the instance is acknowledged, so a restart routes what a
/// crash left; the marker goes once the share is recorded. The request id is derived from the study and its
/// instances, so a share submitted just before a crash is found again rather than made twice. A repeated
/// instance is never routed again (the store acknowledges it without a marker): a study re-sent later becomes
/// a share of its new instances only.
/// </summary>
internal sealed class StudyRouter
{
    private readonly string _markers;
    private readonly string _instances;
    private readonly TimeSpan _quiet;
    private readonly TimeProvider _time;
    private readonly string _pluginId;
    private readonly ILogger _logger;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, PendingStudy> _pending = new(StringComparer.Ordinal);

    public StudyRouter(string storeDirectory, TimeSpan quiet, TimeProvider time, string pluginId, ILogger logger)
    {
        _instances = storeDirectory;
        _markers = Path.Combine(storeDirectory, ".routing");
        _quiet = quiet;
        _time = time;
        _pluginId = pluginId;
        _logger = logger;
    }

    /// <summary>How often due studies are looked for: often enough that a share starts close to the quiet period's end.</summary>
    public TimeSpan Tick => TimeSpan.FromTicks(Math.Clamp(_quiet.Ticks / 4, TimeSpan.FromMilliseconds(50).Ticks, TimeSpan.FromSeconds(1).Ticks));

    /// <summary>The study an instance file belongs to; an unreadable data set or one without the UID groups as the empty study.</summary>
    public static string StudyOf(string part10Path)
    {
        try
        {
            using var file = DicomFile.Open(part10Path);
            return file.Dataset.GetString(DicomTags.StudyInstanceUID) ?? string.Empty;
        }
        catch (DicomFormatException)
        {
            // The pipeline sets such an instance aside with its own reason; it still has to reach it.
            return string.Empty;
        }
    }

    /// <summary>Records, durably, that an instance about to be stored is to be routed (before its acknowledgement).</summary>
    public void Prepare(string sopInstanceUid, string studyInstanceUid)
    {
        Directory.CreateDirectory(_markers);
        using var marker = new FileStream(Path.Combine(_markers, sopInstanceUid), FileMode.Create, FileAccess.Write, FileShare.None);
        marker.Write(Encoding.ASCII.GetBytes(studyInstanceUid));
        marker.Flush(flushToDisk: true);
    }

    /// <summary>The instance is stored: its marker's folder entry is made durable and its study's quiet period restarts.</summary>
    public void Received(string sopInstanceUid, string studyInstanceUid)
    {
        DirectorySync.Flush(_markers);
        Add(sopInstanceUid, studyInstanceUid);
    }

    /// <summary>
    /// An instance already stored arrived again (a sender resending a study it is still sending): if its study is still
    /// waiting to be routed, its quiet period restarts, as for a new instance; a routed instance is not routed again.
    /// </summary>
    public void Repeated(string sopInstanceUid)
    {
        lock (_lock)
        {
            foreach (var pending in _pending.Values.Where(p => p.SopInstanceUids.Contains(sopInstanceUid)))
            {
                pending.LastReceived = _time.GetUtcNow();
            }
        }
    }

    /// <summary>Takes up the markers a previous run left (before the server accepts anything); drops those of instances never stored.</summary>
    public void Recover()
    {
        if (!Directory.Exists(_markers))
        {
            return;
        }

        var count = 0;
        foreach (var marker in Directory.EnumerateFiles(_markers))
        {
            var sop = Path.GetFileName(marker);
            if (File.Exists(Path.Combine(_instances, sop + ".dcm")))
            {
                Add(sop, File.ReadAllText(marker, Encoding.ASCII));
                count++;
            }
            else
            {
                // The crash came before the instance was renamed into place, so it was never acknowledged.
                File.Delete(marker);
            }
        }

        if (count > 0)
        {
            RoutingLog.Recovered(_logger, count);
        }
    }

    /// <summary>Looks for due studies every <see cref="Tick"/> until cancelled.</summary>
    public async Task RunAsync(IShareIntake intake, CancellationToken cancellationToken)
    {
        while (true)
        {
            await Task.Delay(Tick, _time, cancellationToken).ConfigureAwait(false);
            await RouteDueAsync(intake, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Submits every study quiet for the period as a share without recipient.</summary>
    /// <returns>How many shares were submitted.</returns>
    public async Task<int> RouteDueAsync(IShareIntake intake, CancellationToken cancellationToken)
    {
        var due = TakeDue();
        var submitted = 0;
        for (var i = 0; i < due.Count; i++)
        {
            var (study, sops) = due[i];
            try
            {
                var receipt = await intake.SubmitAsync(Request(study, sops), cancellationToken).ConfigureAwait(false);
                RoutingLog.Routed(_logger, sops.Length, receipt.ShareId, receipt.Created);
                foreach (var sop in sops)
                {
                    File.Delete(Path.Combine(_markers, sop));
                }

                submitted++;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Not recorded (or the host is stopping): keep this and every later study for the next round.
                foreach (var (laterStudy, laterSops) in due.Skip(i))
                {
                    Requeue(laterStudy, laterSops);
                }

                if (e is OperationCanceledException)
                {
                    throw;
                }

                RoutingLog.WillRetry(_logger, sops.Length, e.Message);
                return submitted;
            }
        }

        return submitted;
    }

    private ShareRequest Request(string study, string[] sops)
    {
        var key = Hash(study + "\n" + string.Join('\n', sops));

        // Hashes, not the study UID: the exam id is shown and logged by the host, and a UID identifies the exam.
        return new ShareRequest($"dicomstore-{key[..32]}", $"study-{Hash(study)[..16]}", sops, ShareRecipient.None, _pluginId);
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private void Add(string sop, string study)
    {
        lock (_lock)
        {
            if (!_pending.TryGetValue(study, out var pending))
            {
                _pending[study] = pending = new PendingStudy(_time.GetUtcNow());
            }

            pending.SopInstanceUids.Add(sop);
            pending.LastReceived = _time.GetUtcNow();
        }
    }

    private void Requeue(string study, string[] sops)
    {
        lock (_lock)
        {
            if (!_pending.TryGetValue(study, out var pending))
            {
                _pending[study] = pending = new PendingStudy(_time.GetUtcNow());
            }

            pending.SopInstanceUids.UnionWith(sops);
        }
    }

    private List<(string Study, string[] Sops)> TakeDue()
    {
        var now = _time.GetUtcNow();
        var due = new List<(string, string[])>();
        lock (_lock)
        {
            foreach (var (study, pending) in _pending)
            {
                if (now - pending.LastReceived >= _quiet)
                {
                    due.Add((study, pending.SopInstanceUids.Order(StringComparer.Ordinal).ToArray()));
                }
            }

            foreach (var (study, _) in due)
            {
                _pending.Remove(study);
            }
        }

        return due;
    }
}
