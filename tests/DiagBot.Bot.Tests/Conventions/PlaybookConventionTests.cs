using System.Text.RegularExpressions;
using DiagBot.Bot.Tests.Support;
using DiagBot.Playbooks;
using DiagBot.Sandbox;

namespace DiagBot.Bot.Tests.Conventions;

/// <summary>A playbook is registered in the one visible list, has a sandbox incident, and has tests.</summary>
public sealed partial class PlaybookConventionTests
{
    [Fact]
    public void EveryPlaybookType_IsInTheCatalogue()
    {
        var listed = PlaybookCatalog.Create().Select(p => p.GetType()).ToHashSet();
        var declared = typeof(IPlaybook).Assembly.GetTypes()
            .Where(type => typeof(IPlaybook).IsAssignableFrom(type) && type is { IsInterface: false, IsAbstract: false });

        Assert.All(declared, type => Assert.True(listed.Contains(type), $"{type.Name} is missing from PlaybookCatalog.Create()"));
    }

    [Fact]
    public void Catalogue_IdsAreUniqueAndNamesAreKebabCase()
    {
        var playbooks = PlaybookCatalog.Create();

        Assert.Equal(playbooks.Count, playbooks.Select(p => p.Id).Distinct().Count());
        Assert.Equal(playbooks.Count, playbooks.Select(p => p.Name).Distinct().Count());
        Assert.All(playbooks, p => Assert.InRange(p.Id, 1, playbooks.Count));
        Assert.All(playbooks, p => Assert.Matches(KebabCase(), p.Name));
    }

    [Fact]
    public async Task EveryPlaybook_HasASeededSandboxIncident()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        var seeded = sandbox.Scenarios.Where(s => s.Playbook is not null).Select(s => s.Playbook!.Value).ToHashSet();

        Assert.All(PlaybookCatalog.Create(), p => Assert.True(seeded.Contains(p.Id), $"playbook {p.Id} {p.Name} has no sandbox incident"));
    }

    [Fact]
    public void EveryPlaybook_HasATestClass()
    {
        var testClasses = RepositoryRoot.SourceFiles("tests/DiagBot.Playbooks.Tests").Select(Path.GetFileNameWithoutExtension).ToHashSet();

        Assert.All(PlaybookCatalog.Create(), p => Assert.True(testClasses.Contains(p.GetType().Name + "Tests"), $"{p.GetType().Name} has no {p.GetType().Name}Tests.cs"));
    }

    [Fact]
    public void ProductCode_NeverTypesHowManyFailureModesThereAre()
    {
        // Comments may still say "the fifteen"; an answer must count the catalogue (PlaybookCatalog.CountInWords).
        var count = new Regex($@"\b{PlaybookCatalog.CountInWords}\b", RegexOptions.IgnoreCase);
        var offenders = RepositoryRoot.SourceFiles("bot", "playbooks")
            .Where(file => Path.GetFileName(file) != "NumberWords.cs")
            .SelectMany(file => File.ReadLines(file).Select((line, index) => (File: file, Line: index + 1, Text: line.Trim())))
            .Where(line => !line.Text.StartsWith("//", StringComparison.Ordinal) && count.IsMatch(line.Text))
            .Select(line => $"{RepositoryRoot.Relative(line.File)}:{line.Line}")
            .ToList();

        Assert.True(offenders.Count == 0, "Count the failure modes from PlaybookCatalog.CountInWords instead of typing it: " + string.Join(", ", offenders));
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KebabCase();
}
