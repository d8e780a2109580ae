using System.Text.Json.Nodes;
using DiagBot.Bot.Teams;
using DiagBot.Bot.Tests.Teams.Fakes;
using Microsoft.Extensions.Logging.Abstractions;

namespace DiagBot.Bot.Tests.Teams;

public sealed class ConnectorClientTests : IAsyncLifetime
{
    private const string Conversation = "a:1pL6i0oY3C0K8oAj8";

    private FakeConnector _connector = null!;

    public async Task InitializeAsync() => _connector = await FakeConnector.StartAsync();

    public async Task DisposeAsync() => await _connector.DisposeAsync();

    [Fact]
    public async Task Reply_429WithRetryAfter_IsRetriedAndReturnsTheId()
    {
        _connector.FailNext(429);

        var id = await CreateSut().ReplyAsync(_connector.ServiceUrl, Conversation, "1493070356924", Message(), CancellationToken.None);

        Assert.Equal("activity-1", id);
        Assert.Equal([429, 200], _connector.AllCalls.Select(call => call.Status));
        Assert.All(_connector.AllCalls, call => Assert.Equal("Bearer token-1", call.Authorization));
    }

    [Fact]
    public async Task Reply_5xxEveryTime_GivesUpAfterFourRetries()
    {
        _connector.FailNext(500, 502, 503, 504, 500, 500);

        await Assert.ThrowsAsync<ConnectorException>(() => CreateSut().ReplyAsync(_connector.ServiceUrl, Conversation, "1", Message(), CancellationToken.None));

        Assert.Equal(5, _connector.AllCalls.Count);
    }

    [Fact]
    public async Task Reply_400_IsNotRetried()
    {
        _connector.FailNext(400);

        await Assert.ThrowsAsync<ConnectorException>(() => CreateSut().ReplyAsync(_connector.ServiceUrl, Conversation, "1", Message(), CancellationToken.None));

        Assert.Single(_connector.AllCalls);
    }

    [Fact]
    public async Task Update_PutsTheActivityAtItsId()
    {
        await CreateSut().UpdateAsync(_connector.ServiceUrl, Conversation, "1493070356924", Message(), CancellationToken.None);

        var call = Assert.Single(_connector.AllCalls);
        Assert.Equal("PUT", call.Method);
        Assert.Equal($"/v3/conversations/{Conversation}/activities/1493070356924", call.Path);
    }

    private static JsonObject Message() => new() { ["type"] = "message", ["text"] = "hello" };

    private static ConnectorClient CreateSut()
    {
        var options = new TeamsOptions { AppId = "app", AppPassword = "secret", RetryBaseDelay = TimeSpan.FromMilliseconds(5) };
        return new ConnectorClient(new SingleClientFactory(), new FixedToken(), options, TimeProvider.System, NullLogger<ConnectorClient>.Instance);
    }

    private sealed class FixedToken : IConnectorTokenSource
    {
        public Task<string> GetTokenAsync(CancellationToken cancellationToken) => Task.FromResult("token-1");
    }

    private sealed class SingleClientFactory : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new();
    }
}
