using DiagBot.Sandbox.Catalogue.Seeding;

namespace DiagBot.Sandbox.Catalogue;

// One named scenario: it seeds its resources and describes itself with the subject an engineer would type.
internal interface ICatalogueEntry
{
    SandboxScenario Seed(SeedContext context);
}
