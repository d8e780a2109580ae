using DiagBot.Sandbox.Catalogue.Seeding;
using DiagBot.Sandbox.State;

namespace DiagBot.Sandbox.Catalogue.Scale;

/// <summary>Seeds the large estate's share into the sandbox's own world (beside the incidents) and builds the two other accounts.</summary>
internal static class LargeEstate
{
    public static IReadOnlyDictionary<string, SandboxWorld> Seed(SandboxWorld own, DateTimeOffset now)
    {
        var worlds = new Dictionary<string, SandboxWorld>(StringComparer.Ordinal) { [own.Options.AccountId] = own };
        LargeAccountSeeds.Seed(new SeedContext(own, now), account: 0);
        for (var i = 0; i < LargeAccount.OtherAccountIds.Count; i++)
        {
            var world = new SandboxWorld(own.Options.ForAccount(LargeAccount.OtherAccountIds[i]));
            LargeAccountSeeds.Seed(new SeedContext(world, now), account: i + 1);
            worlds[world.Options.AccountId] = world;
        }

        return worlds;
    }
}
