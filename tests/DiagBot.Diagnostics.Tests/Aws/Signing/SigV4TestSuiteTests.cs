using System.Net.Http.Headers;
using System.Text;
using Amazon.Runtime;
using DiagBot.Diagnostics.Aws.Signing;

namespace DiagBot.Diagnostics.Tests.Aws.Signing;

public sealed class SigV4TestSuiteTests
{
    private static readonly DateTimeOffset SuiteTime = new(2015, 8, 30, 12, 36, 0, TimeSpan.Zero);

    public static TheoryData<string> VectorNames() => [.. LoadVectors().Select(v => v.Name)];

    [Theory]
    [MemberData(nameof(VectorNames))]
    public void Sign_PublishedVector_MatchesPublishedSignature(string name)
    {
        var vector = LoadVectors().Single(v => v.Name == name);
        using var request = new HttpRequestMessage(new HttpMethod(vector.Method), new Uri("https://example.amazonaws.com" + vector.PathAndQuery));
        var body = Encoding.UTF8.GetBytes(vector.Body ?? string.Empty);
        if (vector.ContentType is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(vector.ContentType);
        }

        var credentials = new ImmutableCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", vector.SessionToken);
        SigV4Signer.Sign(request, body, credentials, "us-east-1", "service", SuiteTime);

        var authorization = string.Join(",", request.Headers.GetValues("Authorization"));
        Assert.Equal(
            $"AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders={vector.SignedHeaders}, Signature={vector.Signature}",
            authorization);
    }

    [Fact]
    public void Sign_SessionToken_IsSentAsSecurityTokenHeader()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("https://example.amazonaws.com/"));
        SigV4Signer.Sign(request, [], new ImmutableCredentials("AKID", "secret", "token"), "us-east-1", "service", SuiteTime);

        Assert.Equal("token", request.Headers.GetValues("X-Amz-Security-Token").Single());
        Assert.Equal("20150830T123600Z", request.Headers.GetValues("X-Amz-Date").Single());
    }

    private static IEnumerable<Vector> LoadVectors() => File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Fixtures", "sigv4-test-suite.txt"))
        .Where(line => line.Length > 0 && !line.StartsWith('#'))
        .Select(line => line.Split('\t'))
        .Select(c => new Vector(c[0], c[1], c[2], Dash(c[3]), Dash(c[4]), Dash(c[5]), c[6], c[7]));

    private static string? Dash(string value) => value == "-" ? null : value;

    private sealed record Vector(string Name, string Method, string PathAndQuery, string? ContentType, string? Body, string? SessionToken, string SignedHeaders, string Signature);
}
