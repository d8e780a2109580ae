using DiagBot.Sandbox.Catalogue.Seeding;

namespace DiagBot.Sandbox.Catalogue;

/// <summary>One named scenario: it seeds its resources and describes itself with the subject an engineer would type.</summary>
internal interface ICatalogueEntry
{
    SandboxScenario Seed(SeedContext context);
}
