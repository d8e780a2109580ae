using System.Text.RegularExpressions;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Playbooks.Diagnosis;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Bot.Rendering;

/// <summary>
/// Strips credentials from what a report quotes (log excerpts, evidence values, gap details) before any
/// renderer shows it: access key ids, secret keys, session tokens, bearer tokens, passwords in URLs, private keys.
/// </summary>
internal static partial class Redactor
{
    public const string Mask = "[redacted]";

    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    public static DiagnosisReport Redact(DiagnosisReport report) => report with
    {
        Verdicts = [.. report.Verdicts.Select(Redact)],
        TriageGaps = [.. report.TriageGaps.Select(Redact)],
        Outside = [.. report.Outside.Select(outside => outside with { RootCause = Redact(outside.RootCause), Confirm = Redact(outside.Confirm) })],
    };

    public static string Redact(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        try
        {
            text = PrivateKey().Replace(text, "-----BEGIN $1PRIVATE KEY----- " + Mask + " -----END $1PRIVATE KEY-----");
            text = AccessKeyId().Replace(text, "$1" + Mask);
            text = NamedSecret().Replace(text, "$1" + Mask);
            text = Bearer().Replace(text, "$1" + Mask);
            text = UrlPassword().Replace(text, "$1" + Mask + "@");
            return LooseSecretKey().Replace(text, match => LooksLikeSecretKey(match.Value) ? Mask : match.Value);
        }
        catch (RegexMatchTimeoutException)
        {
            // Text too hostile to scan in time is not shown at all.
            return Mask;
        }
    }

    private static Verdict Redact(Verdict verdict) => verdict with
    {
        RootCause = Redact(verdict.RootCause),
        SubCause = verdict.SubCause is null ? null : Redact(verdict.SubCause),
        Evidence = [.. verdict.Evidence.Select(item => item with { Fact = Redact(item.Fact), Value = Redact(item.Value) })],
        Missing = [.. verdict.Missing.Select(Redact)],
        Charts = [.. verdict.Charts.Select(Redact)],
    };

    // Chart words quote infrastructure names (services, target groups) like evidence does; the numbers are ours.
    private static Chart Redact(Chart chart) => chart with
    {
        Title = Redact(chart.Title),
        Series = [.. chart.Series.Select(series => series with { Name = Redact(series.Name) })],
        Markers = [.. chart.Markers.Select(marker => marker with { Label = Redact(marker.Label) })],
        Thresholds = [.. chart.Thresholds.Select(threshold => threshold with { Label = Redact(threshold.Label) })],
    };

    private static EvidenceGap Redact(EvidenceGap gap) => gap with { Detail = Redact(gap.Detail) };

    // A 40-character AWS secret key mixes cases and digits; hex digests (commit ids, SHA-1) do not.
    private static bool LooksLikeSecretKey(string value) =>
        value.Any(char.IsUpper) && value.Any(char.IsLower) && value.Any(char.IsDigit);

    [GeneratedRegex(@"-----BEGIN ([A-Z0-9 ]*?)PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z0-9 ]*?PRIVATE KEY-----|$)", RegexOptions.None, 1000)]
    private static partial Regex PrivateKey();

    [GeneratedRegex(@"\b((?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA|ABIA|ACCA))[A-Z0-9]{12,}\b", RegexOptions.None, 1000)]
    private static partial Regex AccessKeyId();

    [GeneratedRegex(@"(?i)((?:secret[_-]?(?:access[_-]?)?key|session[_-]?token|security[_-]?token|x-amz-security-token|password|passwd|pwd|api[_-]?key|client[_-]?secret|token)[""']?\s*[:=]\s*[""']?)[^\s""'&,;]+", RegexOptions.None, 1000)]
    private static partial Regex NamedSecret();

    [GeneratedRegex(@"(?i)(\bbearer\s+)[A-Za-z0-9\-._~+/]+=*", RegexOptions.None, 1000)]
    private static partial Regex Bearer();

    [GeneratedRegex(@"(\b[a-zA-Z][a-zA-Z0-9+.\-]*://[^/\s:@]+:)[^@\s/]+@", RegexOptions.None, 1000)]
    private static partial Regex UrlPassword();

    [GeneratedRegex(@"(?<![A-Za-z0-9/+=])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])", RegexOptions.None, 1000)]
    private static partial Regex LooseSecretKey();
}
