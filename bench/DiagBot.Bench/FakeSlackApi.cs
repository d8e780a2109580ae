using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DiagBot.Bench;

/// <summary>
/// Slack's Web API on loopback for the storm: chat.postMessage and chat.update answer {"ok": true, ...} as Slack
/// does, and each call is counted: a new incident message, a thread reply (thread_ts set) or an update.
/// </summary>
internal sealed class FakeSlackApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, int> _calls = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _posts = new();
    private long _ts = 1_700_000_000_000_100;

    private FakeSlackApi(WebApplication app) => _app = app;

    public Uri ApiBaseUrl { get; private set; } = null!;

    public int Count(string kind) => _calls.GetValueOrDefault(kind);

    /// <summary>The text of every new incident message (not thread replies), in the order they came.</summary>
    public IReadOnlyList<string> PostTexts => [.. _posts];

    public static async Task<FakeSlackApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var slack = new FakeSlackApi(app);
        app.MapPost("/api/chat.postMessage", async (HttpContext http) =>
        {
            var arguments = await ArgumentsAsync(http.Request);
            var channel = arguments.GetValueOrDefault("channel");
            var post = string.IsNullOrEmpty(arguments.GetValueOrDefault("thread_ts"));
            slack._calls.AddOrUpdate(post ? "post" : "reply", 1, (_, n) => n + 1);
            if (post)
            {
                slack._posts.Enqueue(arguments.GetValueOrDefault("text") ?? "");
            }

            var ts = Interlocked.Increment(ref slack._ts).ToString(CultureInfo.InvariantCulture);
            return Results.Json(new { ok = true, channel, ts = ts[..10] + "." + ts[10..] });
        });
        app.MapPost("/api/chat.update", async (HttpContext http) =>
        {
            var arguments = await ArgumentsAsync(http.Request);
            slack._calls.AddOrUpdate("update", 1, (_, n) => n + 1);
            return Results.Json(new { ok = true, channel = arguments.GetValueOrDefault("channel"), ts = arguments.GetValueOrDefault("ts") });
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        slack.ApiBaseUrl = new Uri(address.TrimEnd('/') + "/api/");
        return slack;
    }

    // Slack takes Web API arguments as JSON or as a form; DiagBot sends JSON when a message has blocks.
    private static async Task<Dictionary<string, string>> ArgumentsAsync(HttpRequest request)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync();
            return form.ToDictionary(field => field.Key, field => field.Value.ToString(), StringComparer.Ordinal);
        }

        using var json = await JsonDocument.ParseAsync(request.Body);
        return json.RootElement.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String)
            .ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
