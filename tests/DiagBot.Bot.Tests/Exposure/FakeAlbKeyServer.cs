using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using DiagBot.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DiagBot.Bot.Tests.Exposure;

/// <summary>
/// The ALB's regional public-key endpoint on loopback: GET /{kid} answers the key's PEM, as
/// https://public-keys.auth.elb.region.amazonaws.com/key-id does; and what the ALB puts in x-amzn-oidc-data, signed
/// ES256 with base64url segments padded as the ALB pads them.
/// </summary>
internal sealed class FakeAlbKeyServer : IAsyncDisposable
{
    public const string LoadBalancerArn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/diagbot/50dc6c495c0c9188";
    public const string KeyId = "a1b2c3d4-0000-4000-8000-00000000c0de";

    private readonly LoopbackHost _server;
    private readonly ConcurrentDictionary<string, ECDsa> _keys;

    private FakeAlbKeyServer(LoopbackHost server, ConcurrentDictionary<string, ECDsa> keys)
    {
        _server = server;
        _keys = keys;
    }

    public Uri Endpoint => _server.BaseAddress;

    public ConcurrentQueue<string> Fetched { get; } = new();

    public ECDsa Key => _keys[KeyId];

    public static async Task<FakeAlbKeyServer> StartAsync()
    {
        var keys = new ConcurrentDictionary<string, ECDsa>(StringComparer.Ordinal) { [KeyId] = ECDsa.Create(ECCurve.NamedCurves.nistP256) };
        FakeAlbKeyServer? self = null;
        var server = await LoopbackHost.StartAsync(app => app.MapGet("/{kid}", (string kid) =>
        {
            self!.Fetched.Enqueue(kid);
            return keys.TryGetValue(kid, out var key) ? Results.Text(key.ExportSubjectPublicKeyInfoPem(), "application/x-pem-file") : Results.NotFound();
        }));
        self = new FakeAlbKeyServer(server, keys);
        return self;
    }

    public string[] Settings(params string[] more) =>
    [
        "--DiagBot:WebChat:Enabled=true",
        "--DiagBot:WebChat:Auth=alb-oidc",
        "--DiagBot:WebChat:Alb:LoadBalancerArn=" + LoadBalancerArn,
        "--DiagBot:WebChat:Alb:PublicKeyEndpoint=" + Endpoint,
        .. more,
    ];

    public static JsonObject Header(string? signer = LoadBalancerArn, long? expires = null, string alg = "ES256", string kid = KeyId) => new()
    {
        ["typ"] = "JWT",
        ["kid"] = kid,
        ["alg"] = alg,
        ["iss"] = "https://idp.example.com",
        ["client"] = "diagbot-client",
        ["signer"] = signer,
        ["exp"] = expires ?? DateTimeOffset.UtcNow.AddMinutes(2).ToUnixTimeSeconds(),
    };

    public static JsonObject Claims(string email = "oncall@example.com") => new()
    {
        ["sub"] = "8e1b7a80-oncall",
        ["email"] = email,
        ["name"] = "On Call",
        ["exp"] = DateTimeOffset.UtcNow.AddMinutes(2).ToUnixTimeSeconds(),
        ["iss"] = "https://idp.example.com",
    };

    public static string Sign(JsonObject header, JsonObject claims, ECDsa key)
    {
        var signed = Segment(Encoding.UTF8.GetBytes(header.ToJsonString())) + "." + Segment(Encoding.UTF8.GetBytes(claims.ToJsonString()));
        var signature = key.SignData(Encoding.ASCII.GetBytes(signed), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return signed + "." + Segment(signature);
    }

    // base64url with its '=' padding kept, as the ALB sends it.
    public static string Segment(byte[] bytes) => Convert.ToBase64String(bytes).Replace('+', '-').Replace('/', '_');

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        foreach (var key in _keys.Values)
        {
            key.Dispose();
        }
    }
}
