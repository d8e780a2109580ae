using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DiagBot.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace DiagBot.Bot.Tests.Teams.Fakes;

/// <summary>The bot in serve mode (sandbox) with Teams on, pointed at a loopback identity server and connector.</summary>
internal sealed class TeamsBotHarness : IAsyncDisposable
{
    public const string AppId = "6f1c2b3a-0d4e-4f5a-9b8c-7d6e5f4a3b2c";
    public const string BotId = "28:" + AppId;
    public const string OomTaskArn = "arn:aws:ecs:us-east-1:111122223333:task/prod/6ccd4eee00940aab18243476f9cd9e4a";

    private TeamsBotHarness(FakeIdentityServer identity, FakeConnector connector, RunningBot bot, string tenant)
    {
        Tenant = tenant;
        Identity = identity;
        Connector = connector;
        Bot = bot;
    }

    /// <summary>The bot's DiagBot:Teams:TenantId: activities are addressed from it.</summary>
    public string Tenant { get; }

    public FakeIdentityServer Identity { get; }

    public FakeConnector Connector { get; }

    public RunningBot Bot { get; }

    public T Service<T>()
        where T : notnull => Bot.Services.GetRequiredService<T>();

    public static async Task<TeamsBotHarness> StartAsync(params string[] extraSettings)
    {
        var identity = await FakeIdentityServer.StartAsync();
        var connector = await FakeConnector.StartAsync();
        var bot = await RunningBot.StartAsync(
        [
            TrustTestCertificateStartup.Argument,
            $"--DiagBot:Teams:AppId={AppId}",
            "--DiagBot:Teams:AppPassword=test-secret",
            $"--DiagBot:Teams:TenantId={FakeIdentityServer.Tenant}",
            $"--DiagBot:Teams:OpenIdMetadataUrl={identity.MetadataUrl}",
            $"--DiagBot:Teams:TokenEndpoint={identity.TokenEndpoint}",
            "--DiagBot:Teams:RetryBaseDelay=00:00:00.010",
            .. extraSettings,
        ]);
        const string TenantSetting = "--DiagBot:Teams:TenantId=";
        var tenant = extraSettings.LastOrDefault(s => s.StartsWith(TenantSetting, StringComparison.Ordinal))?[TenantSetting.Length..] ?? FakeIdentityServer.Tenant;
        return new TeamsBotHarness(identity, connector, bot, tenant);
    }

    /// <summary>A documented payload re-addressed to this bot, its tenant and the fake connector.</summary>
    public JsonObject Activity(string fixture, string? text = null)
    {
        var activity = TeamsFixtures.Load(fixture);
        activity["serviceUrl"] = Connector.ServiceUrl;
        var channelData = activity["channelData"] as JsonObject ?? [];
        channelData["tenant"] = new JsonObject { ["id"] = Tenant };
        activity["channelData"] = channelData;

        if (activity["conversation"] is JsonObject conversation && conversation.ContainsKey("tenantId"))
        {
            conversation["tenantId"] = Tenant;
        }

        activity["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "DiagBot" };
        if (text is not null)
        {
            activity["text"] = text;
        }

        return activity;
    }

    public string Token(string? serviceUrl = null, string? audience = null, string issuer = "https://api.botframework.com", DateTimeOffset? expires = null, Microsoft.IdentityModel.Tokens.SecurityKey? key = null) =>
        TestSigningKeys.Token(
            key ?? Identity.Keys.Published,
            issuer,
            audience ?? AppId,
            serviceUrl ?? Connector.ServiceUrl,
            expires ?? TimeProvider.System.GetUtcNow().AddHours(1));

    public async Task<HttpResponseMessage> PostAsync(JsonObject activity, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("api/messages", UriKind.Relative))
        {
            Content = JsonContent.Create(activity),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await Bot.Client.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Connector.DisposeAsync();
        await Identity.DisposeAsync();
    }
}
