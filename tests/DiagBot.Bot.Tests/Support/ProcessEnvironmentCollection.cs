namespace DiagBot.Bot.Tests.Support;

/// <summary>Tests that set process environment variables run alone, so no other test reads them.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironmentCollection
{
    public const string Name = "process environment";
}
