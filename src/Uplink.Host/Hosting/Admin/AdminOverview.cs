using Uplink.Core.Plugins;
using Uplink.Core.Shares.Store;

namespace Uplink.Host.Hosting.Admin;

/// <summary>What the overview shows, read at one moment: ids, states, counts, times and reasons, never patient data.</summary>
/// <param name="Now">When it was read, in Unix milliseconds.</param>
/// <param name="Plugins">Every plugin found, loaded or refused.</param>
/// <param name="Store">The queue, the last hour and the set-aside and failed images; null when the store cannot be read.</param>
/// <param name="OldestWaitingSince">When the share of the oldest image still on its way was recorded.</param>
internal sealed record AdminOverview(long Now, IReadOnlyList<PluginState> Plugins, StoreStatus? Store, long? OldestWaitingSince);
