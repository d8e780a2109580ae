using System.Globalization;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Auth;

namespace DiagBot.Diagnostics.Aws.Signing;

/// <summary>Signs an outgoing request with SigV4 headers, using AWSSDK.Core's signer for the cryptography.</summary>
internal static class SigV4Signer
{
    public const string DateHeader = "X-Amz-Date";
    public const string SecurityTokenHeader = "X-Amz-Security-Token";

    public static void Sign(HttpRequestMessage request, byte[] body, ImmutableCredentials credentials, string region, string signingName, DateTimeOffset now)
    {
        var uri = request.RequestUri ?? throw new InvalidOperationException("The request has no URI.");
        var signedAt = now.UtcDateTime;
        request.Headers.Host = uri.Authority;
        request.Headers.Remove(DateHeader);
        request.Headers.TryAddWithoutValidation(DateHeader, signedAt.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture));
        request.Headers.Remove(SecurityTokenHeader);
        if (credentials.UseToken)
        {
            request.Headers.TryAddWithoutValidation(SecurityTokenHeader, credentials.Token);
        }

        var headers = request.Headers
            .Where(h => !h.Key.Equals("Authorization", StringComparison.OrdinalIgnoreCase))
            .Concat(request.Content?.Headers.Where(h => !h.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)) ?? [])
            .SelectMany(h => h.Value.Select(v => KeyValuePair.Create(h.Key, v)));
        var canonical = CanonicalRequest.Create(
            request.Method.Method,
            uri.AbsolutePath,
            ParseQuery(uri.Query),
            headers,
            CanonicalRequest.HashHex(body));

        var result = AWS4Signer.ComputeSignature(credentials, region, signedAt, signingName, canonical.SignedHeaders, canonical.Text);
        request.Headers.TryAddWithoutValidation("Authorization", result.ForAuthorizationHeader);
    }

    private static IEnumerable<KeyValuePair<string, string>> ParseQuery(string query) => query.TrimStart('?')
        .Split('&', StringSplitOptions.RemoveEmptyEntries)
        .Select(p => p.Split('=', 2))
        .Select(p => KeyValuePair.Create(Uri.UnescapeDataString(p[0]), p.Length > 1 ? Uri.UnescapeDataString(p[1]) : string.Empty));
}
