using DiagBot.Sandbox.Aws.Signing;
using DiagBot.Sandbox.Catalogue;
using DiagBot.Sandbox.Catalogue.Seeding;
using DiagBot.Sandbox.State;

namespace DiagBot.Sandbox.Hosting;

// The sandbox's seeded world, its accepted credentials, its faults and its catalogue, shared by every endpoint.
internal sealed class SandboxRuntime
{
    public SandboxRuntime(SandboxOptions options)
    {
        Options = options;
        World = new SandboxWorld(options);
        Credentials = new CredentialStore(options);
        Scenarios = ScenarioCatalogue.Seed(new SeedContext(World, options.TimeProvider.GetUtcNow()));
    }

    public SandboxOptions Options { get; }

    public SandboxWorld World { get; }

    public CredentialStore Credentials { get; }

    public SandboxFaults Faults { get; } = new();

    public IReadOnlyList<SandboxScenario> Scenarios { get; }
}
