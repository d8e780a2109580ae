namespace DiagBot.Playbooks.Tests.Support;

/// <summary>
/// The test classes that read the seeded sandbox share one <see cref="SandboxEvidenceFixture"/> (CONTRIBUTING rule 12),
/// started once for the collection instead of once per class. They run one after another, and a test that injects a
/// fault clears it before it ends, so no other test sees it; a class that changes what is seeded starts its own.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SandboxReads : ICollectionFixture<SandboxEvidenceFixture>
{
    public const string Name = "sandbox reads";
}
