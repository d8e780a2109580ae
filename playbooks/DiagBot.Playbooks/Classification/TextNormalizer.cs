using System.Text;
using System.Text.RegularExpressions;

namespace DiagBot.Playbooks.Classification;

/// <summary>
/// Brings every generation of a message to one form before the signals read it: lower case, typographic
/// quotes and apostrophes to ASCII, string escapes undone, ARNs, UUIDs, long hex ids, AWS resource ids, IP addresses and long numbers
/// masked, whitespace collapsed. Short numbers stay: 137, 503 and 504 are the signal, not noise, and so do the few long
/// numbers a rule reads (<see cref="KeptNumbers"/>), even as an address's port.
/// </summary>
internal static partial class TextNormalizer
{
    /// <summary>
    /// Signals read at most this much of a message (a multi-megabyte log must not cost more): a long line's head, or a long
    /// paste's lines that report trouble first (<see cref="LongPaste"/>).
    /// </summary>
    public const int MaxLength = 8 * 1024;

    // The kubelet's API port: playbook 15 reads "dial tcp <ip>:10250" (kubectl logs and exec go through it). Issue 19,
    // batch 12: "I made an ingress rule for 10250 on cluster/node sg" could not be read while every 5-digit number was masked.
    // Sweep (eks): ipamd's gRPC port 50051, which aws-node's probes name ("failed to connect service \":50051\"", amazon-vpc-cni-k8s#1847).
    private static readonly HashSet<string> KeptNumbers = ["10250", "50051"];

    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var head = LongPaste.Within(text, MaxLength);
        var s = FoldPunctuation(Unescape(head.ToLowerInvariant()));
        s = Arn().Replace(s, m => $"<arn:{m.Groups[1].Value}>");
        s = Uuid().Replace(s, "<uuid>");
        s = AwsResourceId().Replace(s, m => $"<{m.Groups[1].Value}-id>");
        s = Ipv4().Replace(s, m => m.Groups["port"] is { Success: true } port && KeptNumbers.Contains(port.Value) ? $"<ip>:{port.Value}" : "<ip>");
        s = LongNumber().Replace(s, m => KeptNumbers.Contains(m.Value) ? m.Value : "<n>");
        s = HexId().Replace(s, "<hex>");
        return Whitespace().Replace(s, " ").Trim();
    }

    // A message copied out of JSON (the AWS CLI's describe-services events, an EventBridge event) or out of a klog line
    // (the kubelet's err="failed to \"StartContainer\" for ...", nested once per wrapping) carries its quotes and line
    // breaks escaped: the rules read the message, so one or more backslashes before a quote fall away, an escaped line
    // break or tab is a space, and Go's \u003c-style escapes become their character.
    private static string Unescape(string s) =>
        s.Contains('\\', StringComparison.Ordinal)
            ? Escape().Replace(s, m => m.Groups["hex"].Success
                ? ((char)Convert.ToInt32(m.Groups["hex"].Value, 16)).ToString()
                : m.Groups["quote"].Success ? "\"" : " ")
            : s;

    private static string FoldPunctuation(string s)
    {
        var builder = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            builder.Append(c switch
            {
                '\u2018' or '\u2019' or '\u201B' or '\u2032' or '`' => '\'',
                '\u201C' or '\u201D' or '\u201F' or '\u2033' => '"',
                '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' => '-',
                '\u00A0' or '\u2007' or '\u202F' => ' ',
                _ => c,
            });
        }

        return builder.ToString();
    }

    [GeneratedRegex(@"\\+(?:(?<quote>"")|u(?<hex>[0-9a-f]{4})|[nrt])", RegexOptions.CultureInvariant)]
    private static partial Regex Escape();

    [GeneratedRegex(@"arn:aws[a-z-]*:([a-z0-9-]*):[^\s""'()\[\],]*", RegexOptions.CultureInvariant)]
    private static partial Regex Arn();

    [GeneratedRegex(@"\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b", RegexOptions.CultureInvariant)]
    private static partial Regex Uuid();

    [GeneratedRegex(@"\b(?=[0-9a-f]*\d)[0-9a-f]{12,}\b", RegexOptions.CultureInvariant)]
    private static partial Regex HexId();

    [GeneratedRegex(@"\b(i|eni|subnet|sg|vpc|vpce|ami)-[0-9a-f]{8,17}\b", RegexOptions.CultureInvariant)]
    private static partial Regex AwsResourceId();

    [GeneratedRegex(@"\b\d{1,3}(?:\.\d{1,3}){3}(?::(?<port>\d+))?(?:/\d{1,2})?\b", RegexOptions.CultureInvariant)]
    private static partial Regex Ipv4();

    [GeneratedRegex(@"\b\d{5,}\b", RegexOptions.CultureInvariant)]
    private static partial Regex LongNumber();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();
}
