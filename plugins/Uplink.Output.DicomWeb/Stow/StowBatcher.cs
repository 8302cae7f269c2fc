using Uplink.Plugins.Abstractions.Outputs;

namespace Uplink.Output.DicomWeb.Stow;

/// <summary>Cuts a delivery into STOW requests within the configured size and count, keeping the order.</summary>
internal static class StowBatcher
{
    public static List<List<OutboundInstance>> Cut(IReadOnlyList<OutboundInstance> instances, long maxBytes, int maxCount)
    {
        var batches = new List<List<OutboundInstance>>();
        var current = new List<OutboundInstance>();
        long bytes = 0;
        foreach (var instance in instances)
        {
            if (current.Count > 0 && (current.Count == maxCount || bytes + instance.Length > maxBytes))
            {
                batches.Add(current);
                current = [];
                bytes = 0;
            }

            current.Add(instance);
            bytes += instance.Length;
        }

        if (current.Count > 0)
        {
            batches.Add(current);
        }

        return batches;
    }
}
