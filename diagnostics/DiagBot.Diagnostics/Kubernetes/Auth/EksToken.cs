using System.Globalization;
using System.Text;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Auth;
using DiagBot.Diagnostics.Aws.Signing;

namespace DiagBot.Diagnostics.Kubernetes.Auth;

/// <summary>
/// The EKS bearer token: "k8s-aws-v1." + base64url (unpadded) of a presigned STS GetCallerIdentity URL whose
/// signature covers the x-k8s-aws-id header naming the cluster, so the token is good for that cluster only.
/// </summary>
internal static class EksToken
{
    public const string Prefix = "k8s-aws-v1.";
    public const string ClusterIdHeader = "x-k8s-aws-id";

    /// <summary>What `aws eks get-token` presigns for; EKS accepts a token for 15 minutes whatever this says.</summary>
    public const int PresignSeconds = 60;

    private const string EmptyPayloadSha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    public static string Create(ImmutableCredentials credentials, string clusterName, string region, Uri stsEndpoint, DateTimeOffset now)
    {
        var signedAt = now.UtcDateTime;
        var scope = $"{signedAt.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}/{region}/sts/aws4_request";
        var query = new List<KeyValuePair<string, string>>
        {
            new("Action", "GetCallerIdentity"),
            new("Version", "2011-06-15"),
            new("X-Amz-Algorithm", "AWS4-HMAC-SHA256"),
            new("X-Amz-Credential", $"{credentials.AccessKey}/{scope}"),
            new("X-Amz-Date", signedAt.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)),
            new("X-Amz-Expires", PresignSeconds.ToString(CultureInfo.InvariantCulture)),
            new("X-Amz-SignedHeaders", $"host;{ClusterIdHeader}"),
        };
        if (credentials.UseToken)
        {
            query.Add(new("X-Amz-Security-Token", credentials.Token));
        }

        var headers = new[] { KeyValuePair.Create("host", stsEndpoint.Authority), KeyValuePair.Create(ClusterIdHeader, clusterName) };
        var canonical = CanonicalRequest.Create("GET", "/", query, headers, EmptyPayloadSha256);
        var signature = AWS4Signer.ComputeSignature(credentials, region, signedAt, "sts", canonical.SignedHeaders, canonical.Text).Signature;
        var url = $"{stsEndpoint.Scheme}://{stsEndpoint.Authority}/?{CanonicalRequest.CanonicalQuery(query)}&X-Amz-Signature={signature}";
        return Prefix + Convert.ToBase64String(Encoding.UTF8.GetBytes(url)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
