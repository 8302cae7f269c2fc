using Uplink.Core.Shares.Store;
using Uplink.Plugins.Abstractions.Inputs;

namespace Uplink.Core.Tests.Shares.Store;

public sealed class StateTableTests
{
    [Fact]
    public void Every_state_is_in_the_table_and_has_one_stored_name()
    {
        Assert.Equal(Enum.GetValues<ImageState>().Order(), StateTable.Images.Keys.Order());
        Assert.Equal(Enum.GetValues<ShareState>().Order(), StateTable.Shares.Keys.Order());
        Assert.All(Enum.GetValues<ImageState>(), s => Assert.Equal(s, StateNames.ImageStateOf(StateNames.Of(s))));
        Assert.All(Enum.GetValues<ShareState>(), s => Assert.Equal(s, StateNames.ShareStateOf(StateNames.Of(s))));
    }

    [Fact]
    public void The_unfinished_sets_are_the_states_with_a_way_out()
    {
        Assert.Equal([ImageState.Queued, ImageState.Fetched, ImageState.Anonymized], StateTable.UnfinishedImages);
        Assert.Equal([ShareState.Queued, ShareState.Waiting], StateTable.OpenShares);
        Assert.All(StateTable.UnfinishedImages, s => Assert.NotEmpty(StateTable.Images[s]));
        Assert.All(StateTable.Images.Values.SelectMany(next => next), s => Assert.True(StateTable.Images.ContainsKey(s)));
    }

    [Fact]
    public void Every_unfinished_image_state_can_reach_sent_and_failed()
    {
        foreach (var start in StateTable.UnfinishedImages)
        {
            var reached = Reachable(start);
            Assert.Contains(ImageState.Sent, reached);
            Assert.Contains(ImageState.Failed, reached);
        }
    }

    [Fact]
    public void The_admin_moves_leave_only_states_the_pipeline_treats_as_final_and_lead_to_known_states()
    {
        Assert.All(StateTable.AdminImages.Keys, s => Assert.Empty(StateTable.Images[s]));
        Assert.All(StateTable.AdminShares.Keys, s => Assert.Empty(StateTable.Shares[s]));
        Assert.All(StateTable.AdminImages.Values.SelectMany(next => next), s => Assert.True(StateTable.Images.ContainsKey(s)));
        Assert.Equal([ImageState.Failed, ImageState.SetAside], StateTable.AdminSourcesOf(ImageState.Queued));
        Assert.Equal([ImageState.SetAside], StateTable.AdminSourcesOf(ImageState.Discarded));
        Assert.Equal([ShareState.Completed, ShareState.Failed], StateTable.ReopenableShares);
    }

    [Fact]
    public void The_schema_checks_exactly_the_stored_names()
    {
        Assert.Contains("CHECK (state IN ('queued', 'fetched', 'anonymized', 'sent', 'set-aside', 'discarded', 'failed'))", ShareSchema.Create, StringComparison.Ordinal);
        Assert.Contains("CHECK (state IN ('queued', 'waiting', 'completed', 'failed'))", ShareSchema.Create, StringComparison.Ordinal);
    }

    private static HashSet<ImageState> Reachable(ImageState start)
    {
        var seen = new HashSet<ImageState> { start };
        var todo = new Queue<ImageState>([start]);
        while (todo.TryDequeue(out var state))
        {
            foreach (var next in StateTable.Images[state].Where(seen.Add))
            {
                todo.Enqueue(next);
            }
        }

        return seen;
    }
}
