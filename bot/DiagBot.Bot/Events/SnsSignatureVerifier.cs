using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;

namespace DiagBot.Bot.Events;

/// <summary>
/// Verifies an SNS message: SignatureVersion 1 is RSA over SHA1, 2 over SHA256; the certificate comes only
/// from SigningCertURL on an allowed host (by default sns.&lt;region&gt;.amazonaws.com over https on port 443, in the
/// topic's own region), at a path shaped as SNS's own (/SimpleNotificationService-&lt;hex&gt;.pem), and is cached by URL,
/// at most <see cref="MaxCertificates"/> of them. Callers check the topic first: an unlisted topic costs no fetch.
/// </summary>
internal sealed partial class SnsSignatureVerifier(HttpClient http, EventsOptions options, ILogger<SnsSignatureVerifier> logger)
{
    public const int MaxCertificates = 16;

    private readonly ConcurrentDictionary<string, Lazy<Task<X509Certificate2>>> _certificates = new(StringComparer.Ordinal);

    public async Task<bool> VerifyAsync(SnsMessage message, CancellationToken cancellationToken)
    {
        var hash = message.Field("SignatureVersion") switch
        {
            "1" => HashAlgorithmName.SHA1,
            "2" => HashAlgorithmName.SHA256,
            _ => (HashAlgorithmName?)null,
        };
        if (hash is null || message.StringToSign() is not { } signed || message.Field("Signature") is not { } signatureText
            || !IsAllowedUrl(message.Field("SigningCertURL"), message.Field("TopicArn"), out var certificateUrl)
            || !CertificatePath().IsMatch(certificateUrl.AbsolutePath) || !string.IsNullOrEmpty(certificateUrl.Query)
            || !options.SnsTopics.Contains(message.Field("TopicArn")!, StringComparer.Ordinal))
        {
            return false;
        }

        // Listed topics in their own regions name a handful of certificates; past the bound, start again rather than grow.
        if (_certificates.Count >= MaxCertificates && !_certificates.ContainsKey(certificateUrl.AbsoluteUri))
        {
            _certificates.Clear();
        }

        try
        {
            var signature = Convert.FromBase64String(signatureText);
            var certificate = await _certificates.GetOrAdd(certificateUrl.AbsoluteUri, url => new Lazy<Task<X509Certificate2>>(() => FetchAsync(url))).Value.ConfigureAwait(false);
            using var key = certificate.GetRSAPublicKey();
            return key is not null && key.VerifyData(signed, signature, hash.Value, RSASignaturePadding.Pkcs1);
        }
        catch (Exception exception) when (exception is FormatException or HttpRequestException or CryptographicException or TaskCanceledException)
        {
            _certificates.TryRemove(certificateUrl.AbsoluteUri, out _);
            logger.LogWarning("SNS message {MessageId} could not be verified: {Reason}", message.Field("MessageId"), exception.Message);
            return false;
        }
    }

    /// <summary>SigningCertURL and SubscribeURL must both point at SNS itself.</summary>
    public bool IsAllowedUrl(string? text, string? topicArn, out Uri url)
    {
        url = null!;
        // https on 443 only; the tests' plain-http override, on a loopback port only.
        if (!Uri.TryCreate(text, UriKind.Absolute, out var parsed) || parsed.Scheme != options.CertificateScheme
            || !options.CertificateHost.IsMatch(parsed.Host) || !string.IsNullOrEmpty(parsed.UserInfo)
            || (parsed.Scheme == Uri.UriSchemeHttps ? parsed.Port != 443 : !parsed.IsLoopback))
        {
            return false;
        }

        // sns.<region>.amazonaws.com must be the topic's region.
        var region = topicArn?.Split(':') is { Length: > 3 } parts ? parts[3] : null;
        if (parsed.Host.EndsWith(".amazonaws.com", StringComparison.OrdinalIgnoreCase) && parsed.Host.Split('.') is [_, var hostRegion, ..] && hostRegion != region)
        {
            return false;
        }

        url = parsed;
        return true;
    }

    private async Task<X509Certificate2> FetchAsync(string url)
    {
        var pem = await http.GetStringAsync(new Uri(url)).ConfigureAwait(false);
        return X509Certificate2.CreateFromPem(pem);
    }

    // What SNS's own SigningCertURLs look like: https://sns.us-west-2.amazonaws.com/SimpleNotificationService-<32 hex>.pem.
    [GeneratedRegex("^/SimpleNotificationService-[0-9a-fA-F]+\\.pem$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex CertificatePath();
}
