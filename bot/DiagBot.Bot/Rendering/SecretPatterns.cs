using System.Text;
using System.Text.RegularExpressions;

namespace DiagBot.Bot.Rendering;

/// <summary>
/// The secret formats the redactor knows, applied in order: whole blocks first (private keys), then tokens that
/// announce themselves (a vendor prefix, a JWT's header, a webhook host), then secrets named by their key, header
/// or URL position, and last the bare 40-character AWS secret key. Each format's source is its line in
/// tests/corpus/secrets.tsv. Every pattern has a match timeout: text too hostile to scan is not shown.
/// </summary>
internal static partial class SecretPatterns
{
    private const string Mask = Redactor.Mask;
    private const int TimeoutMs = 1000;

    public static IReadOnlyList<Func<string, string>> All { get; } =
    [
        text => PrivateKey().Replace(text, "-----BEGIN $1PRIVATE KEY$2----- " + Mask + " -----END $1PRIVATE KEY$2-----"),
        text => AccessKeyId().Replace(text, "$1" + Mask),
        text => PrefixedToken().Replace(text, Mask),
        text => Jwt().Replace(text, Mask),
        text => WebhookUrl().Replace(text, "$1" + Mask),
        text => AuthorizationHeader().Replace(text, "$1" + Mask),
        text => Bearer().Replace(text, "$1" + Mask),
        text => BasicCredentials().Replace(text, match => DecodesToUserAndPassword(match.Groups[2].Value) ? match.Groups[1].Value + Mask : match.Value),
        text => text.Contains("://", StringComparison.Ordinal) ? UrlPassword().Replace(text, "$1" + Mask + "@") : text,
        text => NameValuePair().Replace(text, "$1" + Mask + "$2"),
        text => NamedSecretWord().IsMatch(text) ? NamedSecret().Replace(text, match => match.Groups[1].Value + Quoted(match.Groups[2].Value)) : text,
        text => DockerAuth().Replace(text, "$1" + Mask + "$2"),
        text => SecretFlag().Replace(text, "$1" + Mask),
        text => QuerySecret().Replace(text, "$1" + Mask),
        text => LooseSecretKey().Replace(text, match => LooksLikeSecretKey(match.Value) ? Mask : match.Value),
    ];

    // A quoted value keeps its quotes, so the line still reads as the configuration it was.
    private static string Quoted(string value) =>
        value.Length >= 2 && value[0] is '"' or '\'' && value[^1] == value[0] ? value[0] + Mask + value[0] : Mask;

    // "Basic" is also an ordinary word ("Basic configuration"): only base64 of "user:password" is a credential.
    private static bool DecodesToUserAndPassword(string candidate)
    {
        var padded = candidate.PadRight(candidate.Length + ((4 - (candidate.Length % 4)) % 4), '=');
        var bytes = new byte[padded.Length];
        if (!Convert.TryFromBase64String(padded, bytes, out var written))
        {
            return false;
        }

        var decoded = Encoding.UTF8.GetString(bytes, 0, written);
        return decoded.Contains(':', StringComparison.Ordinal) && decoded.All(character => !char.IsControl(character));
    }

    // A 40-character AWS secret key mixes cases and digits; hex digests (commit ids, SHA-1) do not.
    private static bool LooksLikeSecretKey(string value) =>
        value.Any(char.IsUpper) && value.Any(char.IsLower) && value.Any(char.IsDigit);

    [GeneratedRegex(@"-----BEGIN ([A-Z0-9 ]*?)PRIVATE KEY( BLOCK)?-----[\s\S]*?(?:-----END [A-Z0-9 ]*?PRIVATE KEY(?: BLOCK)?-----|$)", RegexOptions.None, TimeoutMs)]
    private static partial Regex PrivateKey();

    [GeneratedRegex(@"\b((?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA|ABIA|ACCA|APKA))[A-Z0-9]{12,}\b", RegexOptions.None, TimeoutMs)]
    private static partial Regex AccessKeyId();

    // Tokens whose vendor prefix says what they are; lengths are the documented minimums, so a word that merely
    // starts the same way ("sk-learn", "key-value") is left alone.
    [GeneratedRegex(
        @"(?<![A-Za-z0-9_-])(?:"
        + @"xox[abposrcde]-[A-Za-z0-9-]{10,}|xapp-\d-[A-Za-z0-9-]{10,}"
        + @"|gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255}"
        + @"|gl(?:pat|dt|rt|ptt|ft|cbt|oas|imt|agent|soat)-[A-Za-z0-9_-]{20,}"
        + @"|(?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9]{16,}|whsec_[A-Za-z0-9]{24,}"
        + @"|AIza[0-9A-Za-z_-]{35}|ya29\.[0-9A-Za-z_-]{20,}|GOCSPX-[A-Za-z0-9_-]{20,}|1//0[A-Za-z0-9_-]{30,}"
        + @"|npm_[A-Za-z0-9]{36}|pypi-AgE[A-Za-z0-9_-]{50,}|rubygems_[a-f0-9]{48}|dckr_pat_[A-Za-z0-9_-]{20,}"
        + @"|hv[sbr]\.[A-Za-z0-9_-]{20,}|dp\.(?:st|ct|sa|scim|audit|pt)\.[A-Za-z0-9_.-]{20,}"
        + @"|SG\.[A-Za-z0-9_-]{16,32}\.[A-Za-z0-9_-]{20,64}|xkeysib-[a-f0-9]{64}-[A-Za-z0-9]{16}"
        + @"|shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}|do[opr]_v1_[a-f0-9]{64}|lin_api_[A-Za-z0-9]{40}"
        + @"|sk-ant-(?:api|admin)\d{2}-[A-Za-z0-9_-]{40,}|sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}T3BlbkFJ[A-Za-z0-9_-]{20,}"
        + @"|sk-proj-[A-Za-z0-9_-]{40,}|hf_[A-Za-z0-9]{34}|PMAK-[a-f0-9]{24}-[a-f0-9]{34}"
        + @"|glc_[A-Za-z0-9+/]{32,}={0,2}|glsa_[A-Za-z0-9]{32}_[a-f0-9]{8}|NRAK-[A-Z0-9]{27}|NRII-[A-Za-z0-9_-]{32}"
        + @"|sntry[su]_[A-Za-z0-9+/=_-]{40,}|ATATT3[A-Za-z0-9_=-]{40,}|AGE-SECRET-KEY-1[0-9A-Z]{58}"
        + @"|ops_eyJ[A-Za-z0-9+/=_-]{40,}|dapi[a-f0-9]{32}(?:-\d)?|pul-[a-f0-9]{40}|[a-z0-9]{14}\.atlasv1\.[A-Za-z0-9_=-]{60,}"
        + @"|key-[0-9a-f]{32}|sq0(?:atp|csp)-[A-Za-z0-9_-]{22,}|HRKU-[A-Za-z0-9_-]{30,}|SK[0-9a-f]{32}"
        + @"|[A-Za-z0-9_~.-]{3}\dQ~[A-Za-z0-9_~.-]{31,34}|\d{8,10}:AA[A-Za-z0-9_-]{33}"
        + @"|FlyV1 fm\d_[A-Za-z0-9+/=_-]{20,}|LTAI[A-Za-z0-9]{20}|pat[A-Za-z0-9]{14}\.[a-f0-9]{64}"
        + @")(?![A-Za-z0-9_-])",
        RegexOptions.None,
        TimeoutMs)]
    private static partial Regex PrefixedToken();

    // A JSON Web Token: base64url header (always a JSON object, so "eyJ"), payload and signature.
    [GeneratedRegex(@"\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*", RegexOptions.None, TimeoutMs)]
    private static partial Regex Jwt();

    // Webhook URLs carry their secret in the path: keep the host so the line still says where it pointed.
    [GeneratedRegex(
        @"(https://(?:hooks\.slack\.com/(?:services|workflows|triggers)/|discord(?:app)?\.com/api/webhooks/|[A-Za-z0-9.-]+\.webhook\.office\.com/webhookb2/|outlook\.office\.com/webhook/|chat\.googleapis\.com/v1/spaces/))[^\s""'<>)]+",
        RegexOptions.None,
        TimeoutMs)]
    private static partial Regex WebhookUrl();

    [GeneratedRegex(@"(?i)((?:proxy-)?authorization[""']?\s*[:=]\s*[""']?(?:bearer|basic|token|bot|sso-key|splunk|dsn|apikey|key|digest|negotiate|ntlm)?\s*)[^\s""',;]+", RegexOptions.None, TimeoutMs)]
    private static partial Regex AuthorizationHeader();

    [GeneratedRegex(@"(?i)(\bbearer\s+)[A-Za-z0-9\-._~+/]{8,}=*", RegexOptions.None, TimeoutMs)]
    private static partial Regex Bearer();

    [GeneratedRegex(@"(?i)(\bbasic\s+)([A-Za-z0-9+/]{8,}=*)", RegexOptions.None, TimeoutMs)]
    private static partial Regex BasicCredentials();

    // scheme://user:password@host, the user possibly empty (redis://:pw@host) and the password possibly holding '@'.
    [GeneratedRegex(@"(\b[a-zA-Z][a-zA-Z0-9+.\-]*://[^/\s:@]*:)[^\s/]*@(?=[^\s/@]+)", RegexOptions.None, TimeoutMs)]
    private static partial Regex UrlPassword();

    // ECS task definitions list the environment as {"name": "DB_PASSWORD", "value": "..."}.
    [GeneratedRegex(@"(?i)(""name""\s*:\s*""[A-Za-z0-9_.-]*(?:secret|password|passwd|pwd|passphrase|token|api[_-]?key|private[_-]?key|access[_-]?key)""\s*,\s*""value""\s*:\s*"")[^""]*("")", RegexOptions.None, TimeoutMs)]
    private static partial Regex NameValuePair();

    // KEY=value, key: value, "key": "value". A ':' counts only with a quote before it or a space after it, so ARNs
    // (arn:aws:secretsmanager:...:secret:name) and IAM actions (secretsmanager:GetSecretValue) stay whole. A quote before
    // the ':' counts only when the key opens with one too: a quoted key, not the end of a quoted phrase (triage's why,
    // `log says "failed to get controlchannel token": ECS Exec ...`, lost its next word to the mask).
    [GeneratedRegex(
        @"(?i)((?<![A-Za-z0-9])(?<quoted>[""'])?[A-Za-z0-9_.-]*?(?:secret|secret[_-]?key|password|passwd|pwd|passphrase|token|api[_-]?key|apikey|access[_-]?key|private[_-]?key|signing[_-]?key|master[_-]?key|encryption[_-]?key|client[_-]?secret|accountkey|sharedaccesskey|shared[_-]?access[_-]?signature|sig|secret[_-]?key[_-]?base|session[_-]?(?:id|key|secret)|credentials?)"
        + @"(?:[""']?\s*=\s*|(?(quoted)[""']\s*:\s*|(?!))|\s*:\s+))(?!(?:true|false|null)\b)(""[^""\r\n]*""|'[^'\r\n]*'|[^\s""'&,;<>]+)",
        RegexOptions.None,
        TimeoutMs)]
    private static partial Regex NamedSecret();

    // A quick look before NamedSecret's costly one (it tries its key words at every word of every text): each of its
    // key words holds one of these, matched with the same case rules, so text without them cannot hold a named secret.
    [GeneratedRegex("(?i)secret|pass|pwd|token|key|sig|session|credential", RegexOptions.None, TimeoutMs)]
    private static partial Regex NamedSecretWord();

    // ~/.docker/config.json keeps base64 "user:password" under "auth".
    [GeneratedRegex(@"(""auth""\s*:\s*"")[^""]+("")", RegexOptions.None, TimeoutMs)]
    private static partial Regex DockerAuth();

    // --password hunter2, --api-key abc, -p: on a command line the value follows the flag after a space.
    [GeneratedRegex(@"(?i)(--[a-z0-9-]*(?:password|passwd|secret|token|api-key|apikey|passphrase)\s+)(?!-)[^\s""']+", RegexOptions.None, TimeoutMs)]
    private static partial Regex SecretFlag();

    [GeneratedRegex(@"(?i)([?&](?:sig|signature|x-amz-signature|x-amz-security-token|x-goog-signature|access_token|id_token|refresh_token|client_secret|api_key|apikey|token|code|password|secret)=)[^&\s""'<>#]+", RegexOptions.None, TimeoutMs)]
    private static partial Regex QuerySecret();

    [GeneratedRegex(@"(?<![A-Za-z0-9/+=_-])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=_-])", RegexOptions.None, TimeoutMs)]
    private static partial Regex LooseSecretKey();
}
