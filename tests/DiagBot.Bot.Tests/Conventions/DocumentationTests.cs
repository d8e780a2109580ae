using System.Text.RegularExpressions;
using DiagBot.Bot.Tests.Support;

namespace DiagBot.Bot.Tests.Conventions;

/// <summary>The README stays short enough for a newcomer to finish, and no link in the documentation leads nowhere.</summary>
public sealed partial class DocumentationTests
{
    // A newcomer finishes 12 KB; everything longer belongs in docs/ or a room's README.
    private const int MaxReadmeBytes = 12 * 1024;

    private static readonly string[] SkippedFolders = ["bin", "obj", "node_modules", "artifacts", ".git"];

    [Fact]
    public void Readme_IsUnderTwelveKilobytes()
    {
        var bytes = new FileInfo(Path.Combine(RepositoryRoot.Path, "README.md")).Length;

        Assert.True(bytes < MaxReadmeBytes, $"README.md is {bytes} bytes; move detail into docs/ to keep it under {MaxReadmeBytes}.");
    }

    [Fact]
    public void RelativeLinks_InEveryMarkdownFile_Resolve()
    {
        var files = MarkdownFiles().ToList();
        var broken = files
            .SelectMany(file => RelativeLinks(file).Where(link => !Resolves(file, link)).Select(link => $"{RepositoryRoot.Relative(file)} -> {link}"))
            .ToList();

        Assert.Contains(files, file => RepositoryRoot.Relative(file) == Path.Combine("docs", "architecture.md"));
        Assert.True(broken.Count == 0, "These links lead nowhere: " + string.Join(", ", broken));
    }

    private static IEnumerable<string> MarkdownFiles() =>
        Directory.EnumerateFiles(RepositoryRoot.Path, "*.md", SearchOption.AllDirectories)
            .Where(file => !RepositoryRoot.Relative(file).Split(Path.DirectorySeparatorChar).Any(part => SkippedFolders.Contains(part)));

    private static IEnumerable<string> RelativeLinks(string file)
    {
        var text = InlineCode().Replace(FencedCode().Replace(File.ReadAllText(file), string.Empty), string.Empty);
        return MarkdownLink().Matches(text)
            .Select(match => match.Groups["target"].Value)
            .Where(target => !target.Contains("://", StringComparison.Ordinal) && !target.StartsWith("mailto:", StringComparison.Ordinal));
    }

    private static bool Resolves(string file, string link)
    {
        var hash = link.IndexOf('#', StringComparison.Ordinal);
        var pathPart = hash < 0 ? link : link[..hash];
        var anchor = hash < 0 ? null : link[(hash + 1)..];
        var target = pathPart.Length == 0 ? file : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, Uri.UnescapeDataString(pathPart)));

        if (!File.Exists(target) && !Directory.Exists(target))
        {
            return false;
        }

        return anchor is null || !target.EndsWith(".md", StringComparison.Ordinal) || Anchors(target).Contains(anchor);
    }

    // GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens.
    private static HashSet<string> Anchors(string markdownFile) =>
        Heading().Matches(FencedCode().Replace(File.ReadAllText(markdownFile), string.Empty))
            .Select(match => AnchorPunctuation().Replace(match.Groups["title"].Value.Trim().ToLowerInvariant(), string.Empty).Replace(' ', '-'))
            .ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"\[[^\]]*\]\((?<target>[^)\s]+)(\s+""[^""]*"")?\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"(?ms)^\s*```.*?^\s*```")]
    private static partial Regex FencedCode();

    [GeneratedRegex(@"`[^`\n]*`")]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"(?m)^#{1,6}\s+(?<title>.+)$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"[^\p{L}\p{Nd}\s_-]")]
    private static partial Regex AnchorPunctuation();
}
