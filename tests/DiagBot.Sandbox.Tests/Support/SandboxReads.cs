namespace DiagBot.Sandbox.Tests.Support;

/// <summary>
/// The test classes that read what the sandbox seeds share one <see cref="SandboxFixture"/> (CONTRIBUTING rule 12),
/// started once for the collection instead of once per class. They run one after another, and a fault a test sets is
/// used up by that test; a class that changes the sandbox's state (dropping watches, say) starts its own.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SandboxReads : ICollectionFixture<SandboxFixture>
{
    public const string Name = "sandbox reads";
}
