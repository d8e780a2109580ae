using System.Text.RegularExpressions;
using DiagBot.Bot.Tests.Support;

namespace DiagBot.Bot.Tests.Conventions;

/// <summary>House rules from CONTRIBUTING.md, checked by reading the source: no analyzer package needed.</summary>
public sealed partial class HouseRulesTests
{
    private static readonly string[] ProductRooms = ["bot", "diagnostics", "playbooks", "sandbox"];

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
    public void Projects_TakePackageVersionsOnlyFromDirectoryPackagesProps()
    {
        var offenders = Directory.EnumerateFiles(RepositoryRoot.Path, "*.csproj", SearchOption.AllDirectories)
            .Where(file => PackageReferenceWithVersion().IsMatch(File.ReadAllText(file)))
            .Select(RepositoryRoot.Relative)
            .ToList();

        Assert.True(offenders.Count == 0, "Move these versions to Directory.Packages.props: " + string.Join(", ", offenders));
    }

    [GeneratedRegex(@"\bDateTime(Offset)?\.(Now|UtcNow)\b")]
    private static partial Regex WallClock();

    [GeneratedRegex(@"<PackageReference[^>]*\bVersion\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex PackageReferenceWithVersion();
}
