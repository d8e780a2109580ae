using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using DiagBot.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DiagBot.Bot.Tests.Teams.Fakes;

/// <summary>
/// Loopback stand-in for login.botframework.com (OpenID metadata and signing keys, shaped as in "Authenticate
/// requests from the Bot Connector service") and for Entra's v2 token endpoint (client credentials).
/// </summary>
internal sealed class FakeIdentityServer : IAsyncDisposable
{
    public const string Tenant = "11111111-2222-3333-4444-555555555555";
    public const string AccessToken = "test-connector-token";

    private readonly ConcurrentQueue<IReadOnlyDictionary<string, string>> _tokenRequests = new();
    private LoopbackHost? _server;
    private int _metadataReads;

    public TestSigningKeys Keys { get; } = new();

    public IReadOnlyCollection<IReadOnlyDictionary<string, string>> TokenRequests => _tokenRequests;

    public int MetadataReads => _metadataReads;

    public Uri MetadataUrl => new(_server!.BaseAddress, "v1/.well-known/openidconfiguration");

    public Uri TokenEndpoint => new(_server!.BaseAddress, $"{Tenant}/oauth2/v2.0/token");

    public static async Task<FakeIdentityServer> StartAsync()
    {
        var fake = new FakeIdentityServer();
        fake._server = await LoopbackHost.StartAsync(fake.Map, TestCertificate.Certificate);
        return fake;
    }

    private void Map(WebApplication app)
    {
        app.MapGet("/v1/.well-known/openidconfiguration", () =>
        {
            Interlocked.Increment(ref _metadataReads);
            return Results.Text(new JsonObject
            {
                ["issuer"] = "https://api.botframework.com",
                ["authorization_endpoint"] = "https://invalid.botframework.com",
                ["jwks_uri"] = new Uri(_server!.BaseAddress, "v1/.well-known/keys").AbsoluteUri,
                ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
                ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
            }.ToJsonString(), "application/json");
        });
        app.MapGet("/v1/.well-known/keys", () => Results.Text(Keys.Jwks().ToJsonString(), "application/json"));
        app.MapPost("/{tenant}/oauth2/v2.0/token", async (string tenant, HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            var fields = form.ToDictionary(field => field.Key, field => field.Value.ToString());
            fields["_tenant"] = tenant;
            _tokenRequests.Enqueue(fields);
            return Results.Text(new JsonObject
            {
                ["token_type"] = "Bearer",
                ["expires_in"] = 3600,
                ["ext_expires_in"] = 3600,
                ["access_token"] = AccessToken,
            }.ToJsonString(), "application/json");
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
