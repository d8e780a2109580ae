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

    [Fact]
    public void ProductCode_DescribesWhatOthersUseInSummaries()
    {
        var offenders = RepositoryRoot.SourceFiles([.. ProductRooms, "bench"])
            .SelectMany(file => SlashCommentedDeclarations(file).Select(line => $"{RepositoryRoot.Relative(file)}:{line}"))
            .ToList();

        Assert.True(offenders.Count == 0, "Make the // comment above each of these its /// <summary> (CONTRIBUTING, rule 5): " + string.Join(", ", offenders));
    }

    // A // block right above a public, internal or protected declaration describes it; a private one may keep its why.
    private static IEnumerable<int> SlashCommentedDeclarations(string file)
    {
        var lines = File.ReadAllLines(file);
        for (var i = 1; i < lines.Length; i++)
        {
            var above = i - 1;
            while (above > 0 && lines[above].TrimStart().StartsWith('['))
            {
                above--;
            }

            var comment = lines[above].TrimStart();
            var slashes = comment.StartsWith("//", StringComparison.Ordinal) && !comment.StartsWith("///", StringComparison.Ordinal);
            if (slashes && NonPrivateDeclaration().IsMatch(lines[i]))
            {
                yield return i + 1;
            }
        }
    }

    [GeneratedRegex(@"^\s*(public|internal|protected)\b")]
    private static partial Regex NonPrivateDeclaration();

    [GeneratedRegex(@"\bDateTime(Offset)?\.(Now|UtcNow)\b")]
    private static partial Regex WallClock();

    [GeneratedRegex(@"<PackageReference[^>]*\bVersion\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex PackageReferenceWithVersion();
}
