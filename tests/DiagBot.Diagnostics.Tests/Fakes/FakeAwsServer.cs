using System.Collections.Concurrent;
using DiagBot.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DiagBot.Diagnostics.Tests.Fakes;

/// <summary>A real Kestrel on a loopback port that records requests and answers what the test scripts.</summary>
internal sealed class FakeAwsServer : IAsyncDisposable
{
    private LoopbackHost _host = null!;

    public Uri BaseAddress => _host.BaseAddress;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public TaskCompletionSource RequestSeen { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Func<RecordedRequest, FakeReply> Reply { get; set; } = _ => FakeReply.Json(200, "{}");

    public static async Task<FakeAwsServer> StartAsync()
    {
        var server = new FakeAwsServer();
        server._host = await LoopbackHost.StartAsync(app => app.Run(server.HandleAsync));
        return server;
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var request = new RecordedRequest(
            context.Request.Method,
            context.Request.Path + context.Request.QueryString,
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            body);
        Requests.Enqueue(request);
        RequestSeen.TrySetResult();
        var reply = Reply(request);
        if (reply.Hang)
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            return;
        }

        context.Response.StatusCode = reply.Status;
        context.Response.ContentType = reply.ContentType;
        if (reply.ErrorType is not null)
        {
            context.Response.Headers["x-amzn-ErrorType"] = reply.ErrorType;
        }

        await context.Response.WriteAsync(reply.Body, context.RequestAborted);
    }
}

internal sealed record RecordedRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string? Target => Headers.TryGetValue("X-Amz-Target", out var target) ? target : null;

    /// <summary>A Query-protocol form body as name/value pairs.</summary>
    public IReadOnlyDictionary<string, string> Form => Body.Split('&', StringSplitOptions.RemoveEmptyEntries)
        .Select(p => p.Split('=', 2))
        .ToDictionary(p => Uri.UnescapeDataString(p[0]), p => p.Length > 1 ? Uri.UnescapeDataString(p[1]) : string.Empty);
}

internal sealed record FakeReply(int Status, string Body, string ContentType, bool Hang = false)
{
    /// <summary>The x-amzn-ErrorType header REST-JSON services set on errors.</summary>
    public string? ErrorType { get; init; }

    public static FakeReply Json(int status, string body) => new(status, body, "application/x-amz-json-1.1");

    public static FakeReply Error(int status, string type, string message) =>
        Json(status, $$"""{"__type":"{{type}}","message":"{{message}}"}""");

    public static FakeReply Xml(int status, string body) => new(status, body, "text/xml");

    public static FakeReply QueryError(int status, string code, string message) => Xml(status,
        $"<ErrorResponse xmlns=\"http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/\"><Error><Type>Sender</Type><Code>{code}</Code><Message>{message}</Message></Error><RequestId>1</RequestId></ErrorResponse>");

    public static FakeReply Hanging() => new(200, string.Empty, "text/plain", Hang: true);
}
