using DiagBot.Bot.Tests.Support;

namespace DiagBot.Bot.Tests.Conventions;

/// <summary>
/// CONTRIBUTING.md's shape rules, measured: a file holds one idea (at most 200 lines) and a line fits a side-by-side
/// diff (at most 160 columns). Lines that were already over when the rule came are listed, and the list can only shrink.
/// </summary>
public sealed class SourceShapeTests
{
    private const int MaxLines = 200;
    private const int MaxColumns = 160;
    private const string BaselineFile = "tests/DiagBot.Bot.Tests/Conventions/long-lines.txt";

    private static readonly string[] Rooms = ["bot", "diagnostics", "playbooks", "sandbox", "bench", "tests"];

    [Fact]
    public void SourceFiles_StayUnderTwoHundredLines()
    {
        var offenders = RepositoryRoot.SourceFiles(Rooms)
            .Select(file => (File: Key(file), Lines: File.ReadAllLines(file).Length))
            .Where(entry => entry.Lines > MaxLines)
            .Select(entry => $"{entry.File} ({entry.Lines} lines)")
            .ToList();

        Assert.True(offenders.Count == 0, $"Split these files, each is more than one idea (at most {MaxLines} lines): " + string.Join(", ", offenders));
    }

    [Fact]
    public void SourceLines_StayUnderOneHundredSixtyColumns()
    {
        var baseline = File.ReadAllLines(Path.Combine(RepositoryRoot.Path, BaselineFile))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split(' '))
            .ToDictionary(parts => parts[0], parts => int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal);

        var offenders = RepositoryRoot.SourceFiles(Rooms)
            .Select(file => (File: Key(file), Long: File.ReadLines(file).Count(line => line.Length > MaxColumns)))
            .Where(entry => entry.Long > baseline.GetValueOrDefault(entry.File))
            .Select(entry => $"{entry.File} ({entry.Long} lines over {MaxColumns} columns, {baseline.GetValueOrDefault(entry.File)} allowed)")
            .ToList();

        Assert.True(offenders.Count == 0, $"Wrap these files' new lines at {MaxColumns} columns: " + string.Join(", ", offenders));
    }

    [Fact]
    public void LongLineBaseline_OnlyShrinks()
    {
        var stale = File.ReadAllLines(Path.Combine(RepositoryRoot.Path, BaselineFile))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split(' '))
            .Select(parts => (File: parts[0], Allowed: int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture)))
            .Select(entry => (entry.File, entry.Allowed, Now: Count(entry.File)))
            .Where(entry => entry.Now < entry.Allowed)
            .Select(entry => $"{entry.File} ({entry.Allowed} → {entry.Now})")
            .ToList();

        Assert.True(stale.Count == 0, $"These files have fewer long lines now; lower their numbers in {BaselineFile}: " + string.Join(", ", stale));
    }

    private static int Count(string file)
    {
        var path = Path.Combine(RepositoryRoot.Path, file);
        return File.Exists(path) ? File.ReadLines(path).Count(line => line.Length > MaxColumns) : 0;
    }

    private static string Key(string file) => RepositoryRoot.Relative(file).Replace('\\', '/');
}
