using System.Collections.Concurrent;
using System.Globalization;
using System.Threading.Channels;
using DiagBot.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DiagBot.Bot.Tests.Slack.Support;

/// <summary>
/// A loopback fake of the parts of Slack DiagBot talks to: the Web API under /api/ (chat.postMessage,
/// chat.update, apps.connections.open, usergroups.users.list), response_url receivers under /response/,
/// and a Socket Mode WebSocket under /link/. It records every request and can answer 429 on demand.
/// </summary>
internal sealed class FakeSlack : IAsyncDisposable
{
    private readonly RequestLog _log = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<int>> _rateLimits = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> _errors = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<TaskCompletionSource>> _holds = new(StringComparer.Ordinal);
    private readonly Channel<FakeSocketConnection> _sockets = Channel.CreateUnbounded<FakeSocketConnection>();
    private int _ts;
    private int _ticket;

    private readonly FakeSlackFiles _files;
    private LoopbackHost _host = null!;

    private FakeSlack() => _files = new FakeSlackFiles(() => BaseAddress);

    public Uri BaseAddress => _host.BaseAddress;

    public Uri ApiBaseUrl => new(BaseAddress, "api/");

    public IReadOnlyList<string> UserGroupMembers { get; set; } = [];

    /// <summary>Every file whose bytes arrived at its upload URL, with those bytes.</summary>
    public IReadOnlyList<(string FileId, byte[] Bytes)> Uploads => _files.Uploads;

    /// <summary>Hands out upload URLs on this host instead of the fake's own.</summary>
    public string? UploadUrlHost
    {
        get => _files.UploadUrlHost;
        set => _files.UploadUrlHost = value;
    }

    public static async Task<FakeSlack> StartAsync()
    {
        var fake = new FakeSlack();
        fake._host = await LoopbackHost.StartAsync(fake.Map);
        return fake;
    }

    public Uri ResponseUrl(string name) => new(BaseAddress, "response/" + name);

    /// <summary>The next calls to the path answer 429 with Retry-After, once per entry.</summary>
    public void RateLimitNext(string path, params int[] retryAfterSeconds)
    {
        var queue = _rateLimits.GetOrAdd(path, _ => new ConcurrentQueue<int>());
        foreach (var seconds in retryAfterSeconds)
        {
            queue.Enqueue(seconds);
        }
    }

    /// <summary>The next call to the path is held, unanswered, until the returned gate is opened (a barrier, not a delay).</summary>
    public TaskCompletionSource HoldNext(string path)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _holds.GetOrAdd(path, _ => new ConcurrentQueue<TaskCompletionSource>()).Enqueue(gate);
        return gate;
    }

    /// <summary>The next calls to the path answer `ok: false` with the error, once per entry.</summary>
    public void FailNext(string path, params string[] errors)
    {
        var queue = _errors.GetOrAdd(path, _ => new ConcurrentQueue<string>());
        foreach (var error in errors)
        {
            queue.Enqueue(error);
        }
    }

    /// <summary>Every request's path, in the order they arrived.</summary>
    public List<string> AllPaths() => [.. _log.Snapshot().Select(request => request.Path)];

    public IReadOnlyList<RecordedRequest> Requests(string path) => _log.Snapshot().Where(request => request.Path == path).ToList();

    public Task<RecordedRequest> WaitForAsync(string path, Func<RecordedRequest, bool>? match = null) =>
        _log.WaitForAsync(request => request.Path == path && (match?.Invoke(request) ?? true), Timeouts.Answer);

    public async Task<FakeSocketConnection> NextSocketAsync() =>
        await _sockets.Reader.ReadAsync().AsTask().WaitAsync(Timeouts.Answer);

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private void Map(WebApplication app)
    {
        app.UseWebSockets();
        app.MapPost("/api/{method}", (string method, HttpContext context) => ApiAsync(method, context));
        app.MapPost("/response/{name}", async context =>
        {
            var request = await RecordAsync(context);
            if (_rateLimits.TryGetValue(request.Path, out var limits) && limits.TryDequeue(out var seconds))
            {
                context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                return;
            }

            await context.Response.WriteAsync("ok");
        });
        app.MapPost("/upload/{id}", async (string id, HttpContext context) => _log.Add(await _files.UploadAsync(context, id)));
        app.Map("/link/", SocketAsync);
    }

    private async Task ApiAsync(string method, HttpContext context)
    {
        var request = await RecordAsync(context);
        if (_holds.TryGetValue(request.Path, out var holds) && holds.TryDequeue(out var gate))
        {
            await gate.Task.WaitAsync(context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
        }

        if (_rateLimits.TryGetValue(request.Path, out var limits) && limits.TryDequeue(out var seconds))
        {
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            return;
        }

        if (_errors.TryGetValue(request.Path, out var errors) && errors.TryDequeue(out var error))
        {
            await context.Response.WriteAsJsonAsync(new { ok = false, error });
            return;
        }

        object answer = method switch
        {
            "chat.postMessage" or "chat.update" => new { ok = true, channel = request.Json().GetProperty("channel").GetString(), ts = request.Path.EndsWith("update", StringComparison.Ordinal) ? request.Json().GetProperty("ts").GetString() : NextTs() },
            "apps.connections.open" => new { ok = true, url = new Uri(BaseAddress, "link/?ticket=" + Interlocked.Increment(ref _ticket)).AbsoluteUri.Replace("http://", "ws://", StringComparison.Ordinal) },
            "usergroups.users.list" => new { ok = true, users = UserGroupMembers },
            "files.getUploadURLExternal" => _files.Ticket(request),
            "files.completeUploadExternal" => _files.Complete(request),
            _ => new { ok = false, error = "unknown_method" },
        };
        await context.Response.WriteAsJsonAsync(answer);
    }

    private async Task SocketAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var connection = new FakeSocketConnection(socket);
        await _sockets.Writer.WriteAsync(connection);
        var stopping = context.RequestServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        await connection.Closed.WaitAsync(ended.Token).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private async Task<RecordedRequest> RecordAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var request = new RecordedRequest(
            context.Request.Path.Value!.TrimStart('/'),
            context.Request.Headers.Authorization.ToString(),
            context.Request.ContentType ?? string.Empty,
            await reader.ReadToEndAsync());
        _log.Add(request);
        return request;
    }

    private string NextTs() => string.Create(CultureInfo.InvariantCulture, $"1700000000.{Interlocked.Increment(ref _ts):000000}");
}
