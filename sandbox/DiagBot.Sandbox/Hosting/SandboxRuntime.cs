using DiagBot.Sandbox.Aws.Signing;
using DiagBot.Sandbox.Catalogue;
using DiagBot.Sandbox.Catalogue.Scale;
using DiagBot.Sandbox.Catalogue.Seeding;
using DiagBot.Sandbox.Aws.Throttling;
using DiagBot.Sandbox.State;

namespace DiagBot.Sandbox.Hosting;

/// <summary>The sandbox's seeded world, its accepted credentials, its faults and its catalogue, shared by every endpoint.</summary>
internal sealed class SandboxRuntime
{
    public SandboxRuntime(SandboxOptions options)
    {
        Options = options;
        World = new SandboxWorld(options);
        Credentials = new CredentialStore(options);
        var now = SeededAt = options.TimeProvider.GetUtcNow();
        Scenarios = ScenarioCatalogue.Seed(new SeedContext(World, now));
        CatalogueClusters = [.. World.Ecs.Clusters.Select(cluster => cluster.ClusterName)];
        Worlds = options.Scale == SandboxScale.Large ? LargeEstate.Seed(World, now) : new Dictionary<string, SandboxWorld> { [options.AccountId] = World };
        RateLimits = new RateLimits(options);
    }

    /// <summary>Every simulated account by id; a credential of an account not listed sees the sandbox's own.</summary>
    public IReadOnlyDictionary<string, SandboxWorld> Worlds { get; }

    public RateLimits RateLimits { get; }

    /// <summary>The clusters of the seeded incidents, without the large estate's: what a bot configures for bare task ids.</summary>
    public IReadOnlyList<string> CatalogueClusters { get; }

    public SandboxOptions Options { get; }

    public SandboxWorld World { get; }

    public CredentialStore Credentials { get; }

    public SandboxFaults Faults { get; } = new();

    public IReadOnlyList<SandboxScenario> Scenarios { get; }

    public DateTimeOffset SeededAt { get; }
}
