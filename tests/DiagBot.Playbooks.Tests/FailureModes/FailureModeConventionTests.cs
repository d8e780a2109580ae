using System.Text.RegularExpressions;
using DiagBot.Playbooks.FailureModes;
using DiagBot.Playbooks.Tests.Classification;

namespace DiagBot.Playbooks.Tests.FailureModes;

/// <summary>
/// Every failure mode in the catalogue is whole, as docs/contributing/new-failure-mode.md lays it out: a folder with its
/// identity, playbook and signals, a tests folder, a seeded sandbox incident, a look-alike and twenty corpus lines. Each
/// failure names the mode, the missing file or count, and the step of the doc that adds it.
/// </summary>
public sealed partial class FailureModeConventionTests
{
    private const string Doc = "docs/contributing/new-failure-mode.md";
    private const int MinimumCorpusLines = 20;

    // Modes that had no look-alike when this check was written. It shrinks: a mode that gains its look-alike must leave
    // the list, and no mode may join it.
    private static readonly HashSet<string> _withoutLookalikeYet = [];

    public static TheoryData<string> Modes() => [.. FailureModeCatalog.Modes.Select(mode => mode.Name)];

    [Fact]
    public void Catalogue_NumbersRunFromOneInOrder_AndNamesAreUniqueKebabCase()
    {
        var modes = FailureModeCatalog.Modes;
        var numbers = modes.Select(mode => mode.Number).ToList();
        var shared = modes.GroupBy(mode => mode.Name).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        var notKebab = modes.Where(mode => !KebabCase().IsMatch(mode.Name)).Select(mode => mode.Name).ToList();

        Assert.True(numbers.SequenceEqual(Enumerable.Range(1, modes.Count)), $"FailureModeCatalog's numbers run {string.Join(", ", numbers)}; "
            + $"they must run 1, 2, 3... in order, each once: a new mode takes the next number and its line goes last in Entries (steps 1 and 3 of {Doc})");
        Assert.True(shared.Count == 0, $"two modes share the name {string.Join(", ", shared)}: each mode has its own kebab name (step 1 of {Doc})");
        Assert.True(notKebab.Count == 0, $"not kebab names: {string.Join(", ", notKebab)}; write lower-case words and digits joined by dashes, "
            + $"like alb-503-no-targets (step 1 of {Doc})");
    }

    [Fact]
    public void EveryFolder_IsAModeInTheCatalogue()
    {
        // A newcomer who starts with step 2 has a folder no check above reads until the catalogue names it.
        var catalogued = FailureModeCatalog.Modes.Select(Pascal).ToHashSet(StringComparer.Ordinal);
        var folders = new[] { "playbooks/DiagBot.Playbooks/FailureModes", "tests/DiagBot.Playbooks.Tests/FailureModes" }
            .SelectMany(parent => Directory.EnumerateDirectories(Path.Combine(Root, parent)).Select(folder => $"{parent}/{Path.GetFileName(folder)}/"))
            .Where(folder => !catalogued.Contains(Path.GetFileName(folder.TrimEnd('/'))))
            .ToList();

        Assert.True(folders.Count == 0, $"{string.Join(", ", folders)}: no failure mode in FailureModeCatalog is called so; add the mode's line "
            + $"at the end of Entries in playbooks/DiagBot.Playbooks/FailureModes/FailureModeCatalog.cs (step 3 of {Doc}), or name the folder "
            + $"after the mode's kebab name (step 1)");
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void Mode_HasItsFolder_WithIdentityPlaybookAndSignals(string name)
    {
        var (mode, folder) = Locate(name);

        AssertFiles(mode, $"step 2 of {Doc}",
            $"{folder}/{Pascal(mode)}.cs", $"{folder}/{Pascal(mode)}Playbook.cs", $"{folder}/{Pascal(mode)}Signals.cs");
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void Mode_PlaybookAndSignals_AnswerToItsIdentity(string name)
    {
        var entry = FailureModeCatalog.ByName[name];
        var playbook = entry.CreatePlaybook();
        var pascal = Pascal(entry.Mode);

        Assert.True(playbook.GetType().Name == $"{pascal}Playbook",
            $"{name}: its catalogue line creates a {playbook.GetType().Name}; the mode's playbook is the class {pascal}Playbook (step 2 of {Doc})");
        Assert.True((playbook.Id, playbook.Name, playbook.Title) == (entry.Mode.Number, entry.Mode.Name, entry.Mode.Title),
            $"{name}: {pascal}Playbook answers Id {playbook.Id}, Name {playbook.Name}, Title {playbook.Title}; answer them from the identity: "
            + $"{pascal}.Number, {pascal}.Name and {pascal}.Title (step 2 of {Doc})");
        Assert.True(entry.Signals.Any(rule => rule.Playbook == entry.Mode.Number), $"{name}: no signal points at mode {entry.Mode.Number} (step 4 of {Doc})");
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void Mode_HasATestsFolder(string name)
    {
        var (mode, _) = Locate(name);
        var folder = Path.Combine(Root, "tests", "DiagBot.Playbooks.Tests", "FailureModes", Pascal(mode));

        Assert.True(Directory.Exists(folder) && Directory.EnumerateFiles(folder, "*Tests.cs").Any(),
            $"{Describe(mode)}: no tests in tests/DiagBot.Playbooks.Tests/FailureModes/{Pascal(mode)}/ (step 6 of {Doc})");
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void Mode_HasASeededSandboxIncident_CarryingItsNameAndNumber(string name)
    {
        var (mode, _) = Locate(name);
        var file = $"sandbox/DiagBot.Sandbox/Catalogue/Incidents/{Pascal(mode)}.cs";
        AssertFiles(mode, $"step 7 of {Doc}", file);

        var source = File.ReadAllText(Path.Combine(Root, file));
        Assert.True(ScenarioName().IsMatch(source), $"{Describe(mode)}: {file} declares no `public const string Name = \"p{mode.Number:00}-...\";`, "
            + $"the scenario name the registration checks read (step 7 of {Doc})");
        Assert.True(Regex.IsMatch(source, $@"new SandboxScenario\(Name, {mode.Number},"),
            $"{Describe(mode)}: {file} does not seed `new SandboxScenario(Name, {mode.Number}, subject, summary)` (step 7 of {Doc})");
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void Mode_HasALookalike_CarryingItsName(string name)
    {
        var (mode, _) = Locate(name);
        var lookalikes = Directory.EnumerateFiles(Path.Combine(Root, "sandbox", "DiagBot.Sandbox", "Catalogue", "Lookalikes"), $"{Pascal(mode)}Lookalike*.cs");

        if (_withoutLookalikeYet.Contains(name))
        {
            Assert.False(lookalikes.Any(), $"{Describe(mode)} has a look-alike now: take it off {nameof(_withoutLookalikeYet)}");
        }
        else
        {
            Assert.True(lookalikes.Any(), $"{Describe(mode)}: no sandbox/DiagBot.Sandbox/Catalogue/Lookalikes/{Pascal(mode)}Lookalike*.cs (step 7 of {Doc})");
        }
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void Mode_HasTwentyLinesInTheTrainingCorpus(string name)
    {
        var (mode, _) = Locate(name);
        var lines = CorpusLine.Load("triage-corpus.jsonl").Count(line => line.Expected == mode.Number);

        Assert.True(lines >= MinimumCorpusLines,
            $"{Describe(mode)}: {lines} lines in tests/corpus/triage-corpus.jsonl with \"expected\": {mode.Number}, at least {MinimumCorpusLines} wanted (step 8 of {Doc})");
    }

    /// <summary>The PascalCase name every file of the mode carries: "alb-503-no-targets" is "Alb503NoTargets".</summary>
    internal static string Pascal(FailureMode mode) =>
        string.Concat(mode.Name.Split('-').Select(part => char.ToUpperInvariant(part[0]) + part[1..]));

    private static (FailureMode Mode, string Folder) Locate(string name)
    {
        var mode = FailureModeCatalog.ByName[name].Mode;
        return (mode, $"playbooks/DiagBot.Playbooks/FailureModes/{Pascal(mode)}");
    }

    private static void AssertFiles(FailureMode mode, string step, params string[] files)
    {
        var missing = files.Where(file => !File.Exists(Path.Combine(Root, file))).ToList();
        Assert.True(missing.Count == 0, $"{Describe(mode)}: missing {string.Join(", ", missing)} ({step})");
    }

    private static string Describe(FailureMode mode) => $"failure mode {mode.Number} {mode.Name}";

    internal static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "DiagBot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException($"DiagBot.sln not found above {AppContext.BaseDirectory}");
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KebabCase();

    /// <summary>How an incident or a look-alike names its scenario, which FailureModeRegistrationTests reads too.</summary>
    [GeneratedRegex(@"public const string Name = ""(?<name>[a-z0-9-]+)"";")]
    internal static partial Regex ScenarioName();
}
