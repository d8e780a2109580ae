using DiagBot.Sandbox.Catalogue.Incidents;
using DiagBot.Sandbox.Catalogue.Landscape;
using DiagBot.Sandbox.Catalogue.Lookalikes;
using DiagBot.Sandbox.Catalogue.Seeding;

namespace DiagBot.Sandbox.Catalogue;

// The one visible list of seeded scenarios: incidents by failure mode, then healthy resources, then look-alikes.
internal static class ScenarioCatalogue
{
    public static IReadOnlyList<ICatalogueEntry> Entries { get; } =
    [
        new P07TaskOutOfMemory(),
        new StopTimeoutSigKill(),
    ];

    public static IReadOnlyList<SandboxScenario> Seed(SeedContext context)
    {
        ProdLandscape.Seed(context);
        EksLandscape.Seed(context);
        return [.. Entries.Select(entry => entry.Seed(context))];
    }
}
