using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using DiagBot.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DiagBot.Bot.Tests.Teams.Fakes;

/// <summary>
/// Loopback Bot Connector (REST v3): records every call and answers like the service (an id, or a new
/// conversation's id and activityId). A test can make the next calls fail with 429 or 5xx.
/// </summary>
internal sealed class FakeConnector : IAsyncDisposable
{
    private readonly Channel<ConnectorCall> _calls = Channel.CreateUnbounded<ConnectorCall>();
    private readonly ConcurrentQueue<int> _failures = new();
    private readonly ConcurrentQueue<ConnectorCall> _all = new();
    private LoopbackHost? _server;
    private int _nextId;

    public string ServiceUrl => _server!.BaseAddress.AbsoluteUri;

    public IReadOnlyCollection<ConnectorCall> AllCalls => _all;

    public static async Task<FakeConnector> StartAsync()
    {
        var fake = new FakeConnector();
        fake._server = await LoopbackHost.StartAsync(app => app.Map("/v3/{**rest}", (Delegate)fake.HandleAsync));
        return fake;
    }

    /// <summary>The next calls answer these status codes, in order, before the connector answers normally again.</summary>
    public void FailNext(params int[] statusCodes)
    {
        foreach (var status in statusCodes)
        {
            _failures.Enqueue(status);
        }
    }

    /// <summary>Waits for the next call that matches, skipping others; fails the test after the timeout.</summary>
    public async Task<ConnectorCall> NextAsync(Func<ConnectorCall, bool> match, TimeSpan? timeout = null)
    {
        using var cancellation = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var call = await _calls.Reader.ReadAsync(cancellation.Token);
            if (match(call))
            {
                return call;
            }
        }
    }

    private async Task<IResult> HandleAsync(HttpContext context)
    {
        var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
        var status = _failures.TryDequeue(out var failure) ? failure : StatusCodes.Status200OK;
        var call = new ConnectorCall(
            context.Request.Method,
            Uri.UnescapeDataString(context.Request.Path.Value ?? string.Empty),
            context.Request.Headers.Authorization.ToString(),
            string.IsNullOrEmpty(body) ? null : JsonNode.Parse(body)?.AsObject(),
            status);
        _all.Enqueue(call);
        await _calls.Writer.WriteAsync(call);
        if (status != StatusCodes.Status200OK)
        {
            context.Response.Headers.RetryAfter = "0";
            return Results.StatusCode(status);
        }

        var id = $"activity-{Interlocked.Increment(ref _nextId)}";
        return call.Path == "/v3/conversations" && call.Method == "POST"
            ? Results.Json(new { id = $"{call.Body?["channelData"]?["channel"]?["id"]};messageid={id}", activityId = id })
            : Results.Json(new { id });
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}

internal sealed record ConnectorCall(string Method, string Path, string Authorization, JsonObject? Body, int Status)
{
    public string? ActivityType => Body?["type"]?.GetValue<string>();
}
