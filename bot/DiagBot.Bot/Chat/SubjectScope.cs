using DiagBot.Bot.Hosting;
using DiagBot.Diagnostics.Aws;

namespace DiagBot.Bot.Chat;

/// <summary>The ARNs a subject names, each checked against the configured accounts, regions and partition.</summary>
internal static class SubjectScope
{
    private static readonly char[] Separators = [' ', '\t', '\r', '\n', ',', ';', '<', '>', '|', '(', ')', '"', '\'', '`'];

    public static string? RefusalOf(string? subjectText, ConfiguredScopes scopes)
    {
        foreach (var token in (subjectText ?? string.Empty).Split(Separators, StringSplitOptions.RemoveEmptyEntries))
        {
            if (token.StartsWith("arn:", StringComparison.OrdinalIgnoreCase) && Arn.TryParse(token, out var arn) && scopes.RefusalOf(arn) is { } refusal)
            {
                return refusal;
            }
        }

        return null;
    }
}
