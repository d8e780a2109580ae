using System.Text.RegularExpressions;
using DiagBot.Bot.Tests.Support;

namespace DiagBot.Bot.Tests.Conventions;

/// <summary>
/// Triage's rules stay reviewable (issue 19): a regex in a signals file holds a few wordings, a longer list becomes
/// named phrases (SignalRule.AnyOf) each on its own line, and every rule's weight says why in a word or two.
/// </summary>
public sealed partial class SignalWordingTests
{
    // Past four wordings a plain regex is a list to review one line at a time: SignalRule.AnyOf with named phrases.
    private const int MaxWordingsInARegex = 4;

    // One named phrase is one family of wordings; past six it is two families under one name.
    private const int MaxWordingsInAPhrase = 6;

    [Fact]
    public void SignalRegexes_AlternateAtMostFourWordings()
    {
        var regexes = SignalFiles()
            .SelectMany(file => GeneratedRegexes().Matches(File.ReadAllText(file))
                .Select(match => (File: file, Name: match.Groups["name"].Value, Count: TopLevelAlternatives(Unescape(match.Groups["pattern"].Value)))))
            .ToList();
        var offenders = regexes
            .Where(regex => regex.Count > MaxWordingsInARegex)
            .Select(regex => $"{RepositoryRoot.Relative(regex.File)} {regex.Name} ({regex.Count} wordings)")
            .ToList();

        Assert.NotEmpty(regexes); // the reader found the signals' regexes, so an empty list of offenders means something
        Assert.True(offenders.Count == 0, $"Turn these into SignalRule.AnyOf with one named phrase per wording family: {string.Join(", ", offenders)}");
    }

    [Fact]
    public void NamedPhrases_AlternateAtMostSixWordings()
    {
        var phrases = SignalFiles()
            .SelectMany(file => PhraseDeclarations().Matches(File.ReadAllText(file))
                .Select(match => (File: file, Name: match.Groups["name"].Value, Count: TopLevelAlternatives(Concatenated(match.Groups["parts"].Value)))))
            .ToList();
        var offenders = phrases
            .Where(phrase => phrase.Count > MaxWordingsInAPhrase)
            .Select(phrase => $"{RepositoryRoot.Relative(phrase.File)} \"{phrase.Name}\" ({phrase.Count} wordings)")
            .ToList();

        Assert.NotEmpty(phrases);
        Assert.True(offenders.Count == 0, $"Split these phrases into one phrase per wording family: {string.Join(", ", offenders)}");
    }

    [Fact]
    public void SignalRules_GiveTheirWeightAReason()
    {
        var files = SignalFiles().Where(file => file.EndsWith("Signals.cs", StringComparison.Ordinal)).ToList();
        var offenders = files.SelectMany(RulesWithoutAReason).ToList();

        Assert.Contains(files.SelectMany(File.ReadLines), line => RuleDeclaration().IsMatch(line));
        Assert.True(offenders.Count == 0, $"Say why each weight, in a word or two, in a comment on or above the rule: {string.Join(", ", offenders)}");
    }

    [Theory]
    [InlineData("a|b|c", 3)]
    [InlineData("(a|b)|c", 2)]
    [InlineData(@"a\|b|[|]|c", 3)]
    [InlineData("no alternation", 1)]
    public void TopLevelAlternatives_CountsOnlyTheOuterBars(string pattern, int expected) => Assert.Equal(expected, TopLevelAlternatives(pattern));

    private static IEnumerable<string> RulesWithoutAReason(string file)
    {
        var lines = File.ReadAllLines(file);
        for (var i = 0; i < lines.Length; i++)
        {
            var reasonAbove = i > 0 && lines[i - 1].TrimStart().StartsWith("//", StringComparison.Ordinal);
            if (RuleDeclaration().IsMatch(lines[i]) && !lines[i].Contains("//", StringComparison.Ordinal) && !reasonAbove)
            {
                yield return $"{RepositoryRoot.Relative(file)}:{i + 1}";
            }
        }
    }

    private static int TopLevelAlternatives(string pattern)
    {
        var (count, depth, inClass) = (1, 0, false);
        for (var i = 0; i < pattern.Length; i++)
        {
            switch (pattern[i])
            {
                case '\\':
                    i++;
                    break;
                case ']' when inClass:
                    inClass = false;
                    break;
                case '[' when !inClass:
                    inClass = true;
                    break;
                case '(' when !inClass:
                    depth++;
                    break;
                case ')' when !inClass:
                    depth--;
                    break;
                case '|' when !inClass && depth == 0:
                    count++;
                    break;
            }
        }

        return count;
    }

    // The signals files: each failure mode's, the lifecycle's "none" signals, and the causes outside the fifteen.
    private static IEnumerable<string> SignalFiles() => RepositoryRoot.SourceFiles("playbooks")
        .Where(file => file.EndsWith("Signals.cs", StringComparison.Ordinal)
            || Path.GetDirectoryName(file)!.Replace('\\', '/').EndsWith("DiagBot.Playbooks/Outside", StringComparison.Ordinal));

    private static string Unescape(string verbatim) => verbatim.Replace("\"\"", "\"", StringComparison.Ordinal);

    private static string Concatenated(string parts) => string.Concat(VerbatimParts().Matches(parts).Select(part => Unescape(part.Groups["text"].Value)));

    [GeneratedRegex(@"\[GeneratedRegex\(@""(?<pattern>(?:[^""]|"""")*)""[^\n]*\n\s*private static partial Regex (?<name>\w+)\(")]
    private static partial Regex GeneratedRegexes();

    [GeneratedRegex(@"Phrase\.(?:Of|WithLookaround)\(""(?<name>[^""]*)"",\s*(?<parts>(?:@""(?:[^""]|"""")*""\s*\+?\s*)+)\)")]
    private static partial Regex PhraseDeclarations();

    [GeneratedRegex(@"@""(?<text>(?:[^""]|"""")*)""")]
    private static partial Regex VerbatimParts();

    [GeneratedRegex(@"^\s*(new\((Playbook|null),|SignalRule\.AnyOf\(|private static readonly SignalRule )")]
    private static partial Regex RuleDeclaration();
}
