namespace DiagBot.Sandbox.Aws.Logs;

/// <summary>
/// The term form of CloudWatch Logs filter patterns: every term must appear ("a b"), "?a ?b" means any, "-a" excludes,
/// and a quoted phrase is one term. Matching is case-sensitive, as in AWS. JSON and space-delimited patterns are not simulated.
/// </summary>
internal static class FilterPattern
{
    public static Func<string, bool> Parse(string? pattern)
    {
        if (string.IsNullOrWhiteSpace(pattern))
        {
            return _ => true;
        }

        var terms = Terms(pattern.Trim()).ToList();
        var any = terms.Where(t => t.StartsWith('?')).Select(t => t[1..]).ToList();
        var excluded = terms.Where(t => t.StartsWith('-') && t.Length > 1).Select(t => t[1..]).ToList();
        var required = terms.Where(t => !t.StartsWith('?') && !(t.StartsWith('-') && t.Length > 1)).ToList();
        return message =>
            required.All(t => message.Contains(t, StringComparison.Ordinal))
            && excluded.All(t => !message.Contains(t, StringComparison.Ordinal))
            && (any.Count == 0 || any.Any(t => message.Contains(t, StringComparison.Ordinal)));
    }

    private static IEnumerable<string> Terms(string pattern)
    {
        var i = 0;
        while (i < pattern.Length)
        {
            if (char.IsWhiteSpace(pattern[i]))
            {
                i++;
                continue;
            }

            var prefix = pattern[i] is '?' or '-' && i + 1 < pattern.Length && pattern[i + 1] == '"' ? pattern[i++].ToString() : string.Empty;
            if (pattern[i] == '"')
            {
                var end = pattern.IndexOf('"', i + 1);
                end = end < 0 ? pattern.Length : end;
                yield return prefix + pattern[(i + 1)..end];
                i = end + 1;
            }
            else
            {
                var end = pattern.IndexOf(' ', i);
                end = end < 0 ? pattern.Length : end;
                yield return pattern[i..end];
                i = end;
            }
        }
    }
}
