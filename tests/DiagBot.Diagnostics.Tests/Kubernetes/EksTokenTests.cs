using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Amazon.Runtime;
using DiagBot.Diagnostics.Kubernetes.Auth;

namespace DiagBot.Diagnostics.Tests.Kubernetes;

/// <summary>The EKS token's shape, and its signature checked by an independent SigV4 computation.</summary>
public sealed class EksTokenTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 30, 0, TimeSpan.Zero);
    private static readonly ImmutableCredentials Credentials = new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "session+token/=");

    [Fact]
    public void Create_Token_IsPrefixedUnpaddedBase64UrlOfAPresignedGetCallerIdentity()
    {
        var token = CreateSut();

        Assert.StartsWith("k8s-aws-v1.", token, StringComparison.Ordinal);
        var encoded = token["k8s-aws-v1.".Length..];
        Assert.DoesNotContain('=', encoded);
        Assert.DoesNotContain('+', encoded);
        Assert.DoesNotContain('/', encoded);
        var url = new Uri(Decode(encoded));
        Assert.Equal("https://sts.us-east-1.amazonaws.com/", url.GetLeftPart(UriPartial.Path));
        var query = Query(url);
        Assert.Equal("GetCallerIdentity", query["Action"]);
        Assert.Equal("2011-06-15", query["Version"]);
        Assert.Equal("60", query["X-Amz-Expires"]);
        Assert.Equal("host;x-k8s-aws-id", query["X-Amz-SignedHeaders"]);
        Assert.Equal("AKIDEXAMPLE/20261126/us-east-1/sts/aws4_request", query["X-Amz-Credential"]);
        Assert.Equal("session+token/=", query["X-Amz-Security-Token"]);
    }

    [Fact]
    public void Create_Signature_CoversTheClusterHeader()
    {
        var query = Query(new Uri(Decode(CreateSut()["k8s-aws-v1.".Length..])));

        Assert.Equal(IndependentSignature(query, "prod-eks"), query["X-Amz-Signature"]);
        Assert.NotEqual(IndependentSignature(query, "other-cluster"), query["X-Amz-Signature"]);
    }

    private static string CreateSut() => EksToken.Create(Credentials, "prod-eks", "us-east-1", new Uri("https://sts.us-east-1.amazonaws.com/"), Now);

    // SigV4 written out from the specification, sharing no code with the signer under test.
    private static string IndependentSignature(Dictionary<string, string> query, string cluster)
    {
        var canonicalQuery = string.Join("&", query.Where(p => p.Key != "X-Amz-Signature")
            .Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}").Order(StringComparer.Ordinal));
        var canonical = $"GET\n/\n{canonicalQuery}\nhost:sts.us-east-1.amazonaws.com\nx-k8s-aws-id:{cluster}\n\nhost;x-k8s-aws-id\n{Hex(SHA256.HashData([]))}";
        var stringToSign = $"AWS4-HMAC-SHA256\n20261126T093000Z\n20261126/us-east-1/sts/aws4_request\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))}";
        var key = Encoding.UTF8.GetBytes("AWS4" + Credentials.SecretKey);
        foreach (var part in new[] { "20261126", "us-east-1", "sts", "aws4_request" })
        {
            key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(part));
        }

        return Hex(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));
    }

    private static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLower(CultureInfo.InvariantCulture);

    private static string Decode(string base64Url)
    {
        var padded = base64Url.Replace('-', '+').Replace('_', '/');
        padded += new string('=', (4 - (padded.Length % 4)) % 4);
        return Encoding.UTF8.GetString(Convert.FromBase64String(padded));
    }

    private static Dictionary<string, string> Query(Uri url) => url.Query.TrimStart('?').Split('&')
        .Select(p => p.Split('=', 2))
        .ToDictionary(p => Uri.UnescapeDataString(p[0]), p => Uri.UnescapeDataString(p[1]));
}
