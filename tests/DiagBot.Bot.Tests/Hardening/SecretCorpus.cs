using DiagBot.Bot.Tests.Support;

namespace DiagBot.Bot.Tests.Hardening;

/// <summary>tests/corpus/secrets.tsv: realistic secrets the redactor must catch and identifiers it must leave readable.</summary>
internal static class SecretCorpus
{
    public const int MinimumOfEachKind = 80;

    private static readonly Lazy<IReadOnlyList<SecretCorpusLine>> Lines = new(Read);

    public static IReadOnlyList<SecretCorpusLine> Secrets => [.. Lines.Value.Where(line => line.IsSecret)];

    public static IReadOnlyList<SecretCorpusLine> Harmless => [.. Lines.Value.Where(line => !line.IsSecret)];

    private static List<SecretCorpusLine> Read() =>
        [.. File.ReadLines(Path.Combine(RepositoryRoot.Path, "tests", "corpus", "secrets.tsv"))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select((line, index) =>
            {
                var fields = line.Split('\t');
                if (fields.Length != 4 || fields[0] is not ("secret" or "harmless") || !fields[3].StartsWith("https://", StringComparison.Ordinal))
                {
                    throw new InvalidDataException($"secrets.tsv line '{line}' is not kind, line, secret, source.");
                }

                return new SecretCorpusLine(fields[0] == "secret", Unescape(fields[1]), Unescape(fields[2]), fields[3]);
            })];

    private static string Unescape(string field) => field.Replace("\\n", "\n", StringComparison.Ordinal);
}

internal sealed record SecretCorpusLine(bool IsSecret, string Line, string Secret, string Source);
