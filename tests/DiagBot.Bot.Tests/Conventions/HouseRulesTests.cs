using System.Text.RegularExpressions;
using DiagBot.Bot.Tests.Support;

namespace DiagBot.Bot.Tests.Conventions;

/// <summary>House rules from CONTRIBUTING.md, checked by reading the source: no analyzer package needed.</summary>
public sealed partial class HouseRulesTests
{
    private static readonly string[] ProductRooms = ["bot", "diagnostics", "playbooks", "sandbox"];

    // CONTRIBUTING.md says ~200 lines is two ideas; this is the hard stop.
    private const int MaxLinesPerFile = 300;

    [Fact]
    public void ProductCode_NeverReadsTheWallClockDirectly()
    {
        var offenders = RepositoryRoot.SourceFiles(ProductRooms)
            .Where(file => WallClock().IsMatch(File.ReadAllText(file)))
            .Select(RepositoryRoot.Relative)
            .ToList();

        Assert.True(offenders.Count == 0, "Inject TimeProvider instead of reading the clock in: " + string.Join(", ", offenders));
    }

    [Fact]
    public void ProductCode_FilesStaySmall()
    {
        var offenders = RepositoryRoot.SourceFiles(ProductRooms)
            .Select(file => (File: RepositoryRoot.Relative(file), Lines: File.ReadAllLines(file).Length))
            .Where(entry => entry.Lines > MaxLinesPerFile)
            .Select(entry => $"{entry.File} ({entry.Lines} lines)")
            .ToList();

        Assert.True(offenders.Count == 0, "Split these files, each is more than one idea: " + string.Join(", ", offenders));
    }

    [Fact]
    public void Projects_TakePackageVersionsOnlyFromDirectoryPackagesProps()
    {
        var offenders = Directory.EnumerateFiles(RepositoryRoot.Path, "*.csproj", SearchOption.AllDirectories)
            .Where(file => PackageReferenceWithVersion().IsMatch(File.ReadAllText(file)))
            .Select(RepositoryRoot.Relative)
            .ToList();

        Assert.True(offenders.Count == 0, "Move these versions to Directory.Packages.props: " + string.Join(", ", offenders));
    }

    [Theory]
    [InlineData("sandbox/DiagBot.Sandbox/DiagBot.Sandbox.csproj", "DiagBot.Diagnostics")]
    [InlineData("diagnostics/DiagBot.Diagnostics/DiagBot.Diagnostics.csproj", "DiagBot.Sandbox")]
    [InlineData("diagnostics/DiagBot.Diagnostics/DiagBot.Diagnostics.csproj", "DiagBot.Playbooks")]
    [InlineData("playbooks/DiagBot.Playbooks/DiagBot.Playbooks.csproj", "DiagBot.Bot")]
    public void Rooms_DoNotReferenceWhatTheyMustNotKnow(string project, string forbidden)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot.Path, project));

        Assert.DoesNotContain(forbidden + ".csproj", text, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\bDateTime(Offset)?\.(Now|UtcNow)\b")]
    private static partial Regex WallClock();

    [GeneratedRegex(@"<PackageReference[^>]*\bVersion\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex PackageReferenceWithVersion();
}
