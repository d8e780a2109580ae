using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace DiagBot.Sandbox.Aws.Signing;

/// <summary>Verifies an AWS Signature Version 4 Authorization header against the sandbox's credentials.</summary>
internal sealed class SigV4Verifier(SandboxOptions options, CredentialStore credentials)
{
    private const string AmzDateFormat = "yyyyMMdd'T'HHmmss'Z'";

    public (SandboxCredential? Credential, AuthFailure? Failure) Verify(HttpRequest request, byte[] body)
    {
        string? rawHeader = request.Headers.Authorization;
        if (string.IsNullOrEmpty(rawHeader))
        {
            return Fail(AuthFailureKind.MissingAuthentication, "Missing Authentication Token");
        }

        if (AuthorizationHeader.TryParse(rawHeader) is not { } header)
        {
            return Fail(AuthFailureKind.IncompleteSignature,
                $"Authorization header requires 'Credential', 'Signature' and 'SignedHeaders' parameters. Authorization={rawHeader.Split(' ')[0]}");
        }

        if (credentials.Find(header.AccessKeyId) is not { } credential)
        {
            return Fail(AuthFailureKind.UnrecognizedClient, "The security token included in the request is invalid.");
        }

        string? token = request.Headers["x-amz-security-token"];
        if (credential.SessionToken is not null && token != credential.SessionToken)
        {
            return Fail(AuthFailureKind.UnrecognizedClient, "The security token included in the request is invalid.");
        }

        if (!header.SignedHeaders.Contains("host"))
        {
            return Fail(AuthFailureKind.SignatureMismatch, "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
        }

        if (RequestTime(request) is not { } requestTime)
        {
            return Fail(AuthFailureKind.IncompleteSignature, "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
        }

        var now = options.TimeProvider.GetUtcNow();
        if ((now - requestTime).Duration() > options.MaxClockSkew)
        {
            var amzDate = requestTime.ToString(AmzDateFormat, CultureInfo.InvariantCulture);
            var edge = requestTime < now ? now - options.MaxClockSkew : now + options.MaxClockSkew;
            var relation = requestTime < now ? "earlier" : "later";
            var sign = requestTime < now ? "-" : "+";
            return Fail(AuthFailureKind.SignatureExpired,
                $"Signature expired: {amzDate} is now {relation} than {edge.ToString(AmzDateFormat, CultureInfo.InvariantCulture)} ({now.ToString(AmzDateFormat, CultureInfo.InvariantCulture)} {sign} 5 min.)");
        }

        if (header.Date != requestTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture))
        {
            return Fail(AuthFailureKind.SignatureMismatch, "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP.");
        }

        if (header.Region != options.Region)
        {
            return Fail(AuthFailureKind.SignatureMismatch, $"Credential should be scoped to a valid region, not '{header.Region}'. ");
        }

        var canonical = CanonicalRequest.Build(request, header.SignedHeaders, body);
        var stringToSign = string.Join('\n',
            AuthorizationHeader.Algorithm,
            requestTime.ToString(AmzDateFormat, CultureInfo.InvariantCulture),
            header.Scope,
            CanonicalRequest.Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical))));
        var expected = CanonicalRequest.Hex(HMACSHA256.HashData(SigningKey(credential.SecretAccessKey, header), Encoding.UTF8.GetBytes(stringToSign)));

        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(header.Signature)))
        {
            return Fail(AuthFailureKind.SignatureMismatch,
                "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.");
        }

        return (credential, null);
    }

    private static byte[] SigningKey(string secret, AuthorizationHeader header)
    {
        var key = HMACSHA256.HashData(Encoding.UTF8.GetBytes("AWS4" + secret), Encoding.UTF8.GetBytes(header.Date));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(header.Region));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(header.Service));
        return HMACSHA256.HashData(key, "aws4_request"u8.ToArray());
    }

    private static DateTimeOffset? RequestTime(HttpRequest request)
    {
        string? amzDate = request.Headers["x-amz-date"];
        if (amzDate is not null)
        {
            return DateTimeOffset.TryParseExact(amzDate, AmzDateFormat, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed) ? parsed : null;
        }

        string? date = request.Headers.Date;
        return DateTimeOffset.TryParse(date, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var fallback) ? fallback : null;
    }

    private static (SandboxCredential?, AuthFailure?) Fail(AuthFailureKind kind, string message) => (null, new AuthFailure(kind, message));
}
