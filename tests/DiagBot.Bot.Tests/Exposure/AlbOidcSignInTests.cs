using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using DiagBot.Bot.WebChat.Access;
using Xunit.Abstractions;

namespace DiagBot.Bot.Tests.Exposure;

/// <summary>
/// The web chat behind the ALB's authenticate-oidc action: only an x-amzn-oidc-data the configured load balancer signed
/// with its regional key, before it expires, signs a user in; the audit line names that user.
/// </summary>
public sealed class AlbOidcSignInTests(ITestOutputHelper output)
{
    /// <summary>How many forged x-amzn-oidc-data headers the forged-token test tries (docs/security.md quotes it).</summary>
    public const int ForgedTokenCases = 14;

    [Fact]
    public async Task ForgedOrMissingClaims_AreRefusedOnThePageItsApiAndTheFeed()
    {
        await using var keys = await FakeAlbKeyServer.StartAsync();
        await using var bot = await LiveBot.StartAsync(keys.Settings());
        using var otherKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var valid = FakeAlbKeyServer.Sign(FakeAlbKeyServer.Header(), FakeAlbKeyServer.Claims(), keys.Key);
        var parts = valid.Split('.');
        var forged = new (string Name, string? Token)[]
        {
            ("no header", null),
            ("empty", ""),
            ("not a jwt", "not-a-jwt"),
            ("alg none, no signature", parts[0] + "." + parts[1] + "."),
            ("alg none in the header", Unsigned(FakeAlbKeyServer.Header(alg: "none"))),
            ("HS256 keyed with the public key", Hs256(keys.Key)),
            ("signed by another key", FakeAlbKeyServer.Sign(FakeAlbKeyServer.Header(), FakeAlbKeyServer.Claims(), otherKey)),
            ("another load balancer as signer", FakeAlbKeyServer.Sign(FakeAlbKeyServer.Header(signer: FakeAlbKeyServer.LoadBalancerArn.Replace("diagbot", "attacker", StringComparison.Ordinal)), FakeAlbKeyServer.Claims(), keys.Key)),
            ("no signer", FakeAlbKeyServer.Sign(FakeAlbKeyServer.Header(signer: null), FakeAlbKeyServer.Claims(), keys.Key)),
            ("expired", FakeAlbKeyServer.Sign(FakeAlbKeyServer.Header(expires: DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeSeconds()), FakeAlbKeyServer.Claims(), keys.Key)),
            ("unknown key id", FakeAlbKeyServer.Sign(FakeAlbKeyServer.Header(kid: "ffffffff-0000-4000-8000-000000000000"), FakeAlbKeyServer.Claims(), otherKey)),
            ("key id walking the path", FakeAlbKeyServer.Sign(FakeAlbKeyServer.Header(kid: "../../attacker/key"), FakeAlbKeyServer.Claims(), otherKey)),
            ("claims changed after signing", parts[0] + "." + FakeAlbKeyServer.Segment(Encoding.UTF8.GetBytes(FakeAlbKeyServer.Claims("admin@example.com").ToJsonString())) + "." + parts[2]),
            ("signature cut short", valid[..^8]),
        };
        Assert.Equal(ForgedTokenCases, forged.Length);

        var admitted = new List<string>();
        foreach (var (name, token) in forged)
        {
            foreach (var path in new[] { "/", "/webchat/api/feed" })
            {
                using var request = WebChatExposureTests.Request(HttpMethod.Get, path);
                if (token is not null)
                {
                    request.Headers.TryAddWithoutValidation(AlbOidcToken.Header, token);
                }

                using var response = await bot.Client.SendAsync(request);
                if (response.StatusCode != HttpStatusCode.Unauthorized)
                {
                    admitted.Add($"{name} on {path}: {(int)response.StatusCode}");
                }
            }
        }

        output.WriteLine($"forged x-amzn-oidc-data tried: {forged.Length}, admitted: {admitted.Count}");
        Assert.Empty(admitted);
        Assert.DoesNotContain(keys.Fetched, kid => kid.Contains("attacker", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SignedClaims_AreAdmittedAndTheAuditLineNamesTheUser()
    {
        await using var keys = await FakeAlbKeyServer.StartAsync();
        await using var bot = await LiveBot.StartAsync(keys.Settings());
        using var audit = LiveBot.Capture(bot);
        var token = FakeAlbKeyServer.Sign(FakeAlbKeyServer.Header(), FakeAlbKeyServer.Claims("oncall@example.com"), keys.Key);

        using var page = WebChatExposureTests.Request(HttpMethod.Get, "/");
        page.Headers.TryAddWithoutValidation(AlbOidcToken.Header, token);
        using var pageResponse = await bot.Client.SendAsync(page);
        using var ask = new HttpRequestMessage(HttpMethod.Post, new Uri("webchat/api/messages", UriKind.Relative)) { Content = JsonContent.Create(new { text = "/diagnose arn:nope" }) };
        ask.Headers.TryAddWithoutValidation(AlbOidcToken.Header, token);
        using var answer = await bot.Client.SendAsync(ask);
        await answer.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, pageResponse.StatusCode);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("oncall@example.com", LiveBot.SingleAuditLine(audit)["Who"]);
        Assert.Equal([FakeAlbKeyServer.KeyId], keys.Fetched.Distinct());
    }

    [Fact]
    public async Task SignedClaims_OfAUserNotInAllowedEmails_AreForbidden()
    {
        await using var keys = await FakeAlbKeyServer.StartAsync();
        await using var bot = await LiveBot.StartAsync(keys.Settings("--DiagBot:WebChat:AllowedEmails:0=oncall@example.com"));
        var stranger = FakeAlbKeyServer.Sign(FakeAlbKeyServer.Header(), FakeAlbKeyServer.Claims("intern@example.com"), keys.Key);

        using var request = WebChatExposureTests.Request(HttpMethod.Get, "/webchat/api/feed");
        request.Headers.TryAddWithoutValidation(AlbOidcToken.Header, stranger);
        using var response = await bot.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task TheSigningKey_IsFetchedOnceForManyRequests()
    {
        await using var keys = await FakeAlbKeyServer.StartAsync();
        await using var bot = await LiveBot.StartAsync(keys.Settings());
        var token = FakeAlbKeyServer.Sign(FakeAlbKeyServer.Header(), FakeAlbKeyServer.Claims(), keys.Key);

        for (var i = 0; i < 5; i++)
        {
            using var request = WebChatExposureTests.Request(HttpMethod.Get, "/webchat/api/feed");
            request.Headers.TryAddWithoutValidation(AlbOidcToken.Header, token);
            using var response = await bot.Client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Single(keys.Fetched);
    }

    private static string Unsigned(JsonObject header) =>
        FakeAlbKeyServer.Segment(Encoding.UTF8.GetBytes(header.ToJsonString())) + "." + FakeAlbKeyServer.Segment(Encoding.UTF8.GetBytes(FakeAlbKeyServer.Claims().ToJsonString())) + ".";

    private static string Hs256(ECDsa key)
    {
        var header = FakeAlbKeyServer.Header(alg: "HS256");
        var signed = FakeAlbKeyServer.Segment(Encoding.UTF8.GetBytes(header.ToJsonString())) + "." + FakeAlbKeyServer.Segment(Encoding.UTF8.GetBytes(FakeAlbKeyServer.Claims().ToJsonString()));
        var mac = HMACSHA256.HashData(Encoding.ASCII.GetBytes(key.ExportSubjectPublicKeyInfoPem()), Encoding.ASCII.GetBytes(signed));
        return signed + "." + FakeAlbKeyServer.Segment(mac);
    }
}
