using System.Text.RegularExpressions;
using DiagBot.Playbooks.FailureModes;

namespace DiagBot.Playbooks.Tests.FailureModes;

/// <summary>
/// The lists a new failure mode is added to by hand, read from the source (steps 7 and 9 of
/// docs/contributing/new-failure-mode.md): its sandbox incident and look-alikes in ScenarioCatalogue and in
/// SeededIncidentTests, its row in the README's table. Each failure names the line to add and the file it goes in.
/// </summary>
public sealed partial class FailureModeRegistrationTests
{
    private const string Doc = "docs/contributing/new-failure-mode.md";
    private const string ScenarioCatalogue = "sandbox/DiagBot.Sandbox/Catalogue/ScenarioCatalogue.cs";
    private const string SeededIncidentTests = "tests/DiagBot.Playbooks.Tests/Catalogue/SeededIncidentTests.cs";

    public static TheoryData<string> Modes() => FailureModeConventionTests.Modes();

    [Theory]
    [MemberData(nameof(Modes))]
    public void Mode_IncidentAndLookalikes_AreSeededByTheScenarioCatalogue(string name)
    {
        var mode = FailureModeCatalog.ByName[name].Mode;
        var catalogue = Read(ScenarioCatalogue);

        var unlisted = Entries(mode, everyIncident: true).Select(Path.GetFileNameWithoutExtension)
            .Where(entry => !catalogue.Contains($"new {entry}()", StringComparison.Ordinal))
            .ToList();

        Assert.True(unlisted.Count == 0, $"{Describe(mode)}: the sandbox never seeds {string.Join(", ", unlisted)}; add "
            + $"{string.Join(" ", unlisted.Select(entry => $"`new {entry}(),`"))} to the Entries of {ScenarioCatalogue} (step 7 of {Doc})");
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void Mode_IncidentAndLookalikes_AreCheckedBySeededIncidentTests(string name)
    {
        var mode = FailureModeCatalog.ByName[name].Mode;
        var tests = Read(SeededIncidentTests);

        var entries = Entries(mode, everyIncident: false)
            .Select(file => (File: file, Match: FailureModeConventionTests.ScenarioName().Match(File.ReadAllText(file))))
            .ToList();
        var unnamed = entries.Where(entry => !entry.Match.Success).Select(entry => Path.GetFileName(entry.File)).ToList();
        var missing = entries.Where(entry => entry.Match.Success).Select(entry => entry.Match.Groups["name"].Value)
            .Where(scenario => !tests.Contains($"\"{scenario}\"", StringComparison.Ordinal))
            .ToList();

        Assert.True(unnamed.Count == 0, $"{Describe(mode)}: no `public const string Name = \"...\";` in {string.Join(", ", unnamed)}, so no check "
            + $"can find their scenario names; declare it and seed `new SandboxScenario(Name, ...)` (step 7 of {Doc})");

        Assert.True(missing.Count == 0, $"{Describe(mode)}: {SeededIncidentTests} does not check {string.Join(", ", missing)}; "
            + $"an incident goes in Incidents() with `{FailureModeConventionTests.Pascal(mode)}.Number`, a look-alike in NotFailures() (step 7 of {Doc})");
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void Mode_Lookalikes_AreRuledOutByItsOwnTests(string name)
    {
        var mode = FailureModeCatalog.ByName[name].Mode;
        var pascal = FailureModeConventionTests.Pascal(mode);
        var folder = Path.Combine(FailureModeConventionTests.Root, "tests", "DiagBot.Playbooks.Tests", "FailureModes", pascal);
        var tests = Directory.Exists(folder) ? string.Concat(Directory.EnumerateFiles(folder, "*.cs").Select(File.ReadAllText)) : string.Empty;

        var untested = Entries(mode, everyIncident: false).Where(file => file.Contains("Lookalike", StringComparison.Ordinal))
            .Select(file => FailureModeConventionTests.ScenarioName().Match(File.ReadAllText(file)))
            .Where(match => match.Success && !tests.Contains($"\"{match.Groups["name"].Value}\"", StringComparison.Ordinal))
            .Select(match => match.Groups["name"].Value)
            .ToList();

        Assert.True(untested.Count == 0,
            $"{Describe(mode)}: no test in tests/DiagBot.Playbooks.Tests/FailureModes/{pascal}/ names {string.Join(", ", untested)}; "
            + $"add one that the playbook rules it out and says what it is instead, `Investigate_<LookAlike>_IsRuledOut...` (step 7 of {Doc})");
    }

    [Fact]
    public void SeededIncidentTests_NameEachModeByItsIdentity()
    {
        var bare = BareNumber().Matches(Read(SeededIncidentTests)).Select(match => match.Value).ToList();

        Assert.True(bare.Count == 0, $"{SeededIncidentTests} names modes by bare number: {string.Join(", ", bare)}; "
            + $"write the mode's identity instead, e.g. `{{ \"p08-crash-loop\", CrashLoop.Number }}` (step 7 of {Doc})");
    }

    [Fact]
    public void PlaybookTests_ExpectAVerdictOfAModeByItsIdentity()
    {
        var tests = Path.Combine(FailureModeConventionTests.Root, "tests", "DiagBot.Playbooks.Tests");
        var bare = Directory.EnumerateFiles(tests, "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(file => BareVerdict().IsMatch(File.ReadAllText(file)))
            .Select(file => Path.GetRelativePath(FailureModeConventionTests.Root, file))
            .ToList();

        Assert.True(bare.Count == 0, $"These expect a verdict of a mode by its bare number: {string.Join(", ", bare)}; "
            + "write the mode's identity instead, e.g. `Assert.Equal((TaskOutOfMemory.Number, VerdictStatus.Confirmed), ...)`");
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void Mode_HasARowInTheReadme(string name)
    {
        var mode = FailureModeCatalog.ByName[name].Mode;
        var row = $"| {mode.Number} | `{mode.Name}` |";

        Assert.True(Read("README.md").Contains(row, StringComparison.Ordinal),
            $"{Describe(mode)}: the README's table of failure modes has no row starting `{row}`; ask the lead for it in your report (step 9 of {Doc})");
    }

    // The mode's incident, its EKS incidents and its look-alikes, the entries the doc asks every mode for; with
    // everyIncident, its other incidents too (<Name><What>.cs), which SeededIncidentTests may leave to the mode's own tests.
    private static IEnumerable<string> Entries(FailureMode mode, bool everyIncident)
    {
        var catalogue = Path.Combine(FailureModeConventionTests.Root, "sandbox", "DiagBot.Sandbox", "Catalogue");
        var pascal = FailureModeConventionTests.Pascal(mode);
        string[] incidents = everyIncident ? [$"{pascal}*.cs"] : [$"{pascal}.cs", $"{pascal}OnEks*.cs"];
        return incidents.SelectMany(pattern => Directory.EnumerateFiles(Path.Combine(catalogue, "Incidents"), pattern))
            .Concat(Directory.EnumerateFiles(Path.Combine(catalogue, "Lookalikes"), $"{pascal}Lookalike*.cs"));
    }

    private static string Read(string file) => File.ReadAllText(Path.Combine(FailureModeConventionTests.Root, file));

    private static string Describe(FailureMode mode) => $"failure mode {mode.Number} {mode.Name}";

    [GeneratedRegex(@"Assert\.Equal\(\(\d{1,2}, VerdictStatus\.")]
    private static partial Regex BareVerdict();

    [GeneratedRegex(@"\{ ""[a-z0-9-]+"", \d+ \}")]
    private static partial Regex BareNumber();

}
