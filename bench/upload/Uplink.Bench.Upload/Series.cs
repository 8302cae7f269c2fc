namespace Uplink.Bench.Upload;

/// <summary>The wall times of a sender's runs, and the server's handling times when it reports them.</summary>
internal sealed record Series(List<TimeSpan> Walls, List<TimeSpan> Server)
{
    public void Add((TimeSpan Wall, TimeSpan Server) run)
    {
        Walls.Add(run.Wall);
        if (run.Server > TimeSpan.Zero)
        {
            Server.Add(run.Server);
        }
    }
}
