using System.Collections.Concurrent;
using DiagBot.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DiagBot.Bot.Tests.Telemetry.Support;

/// <summary>An OTLP/HTTP collector on a loopback port: keeps every POST to /v1/traces and /v1/metrics, answers 200.</summary>
internal sealed class OtlpReceiver : IAsyncDisposable
{
    private LoopbackHost _host = null!;

    public Uri BaseAddress => _host.BaseAddress;

    public ConcurrentQueue<(string Path, string? ContentType, byte[] Body)> Requests { get; } = new();

    public IEnumerable<byte[]> Bodies(string path) => Requests.Where(r => r.Path == path).Select(r => r.Body);

    public static async Task<OtlpReceiver> StartAsync()
    {
        var receiver = new OtlpReceiver();
        receiver._host = await LoopbackHost.StartAsync(app => app.MapPost("/v1/{signal}", async (HttpContext http) =>
        {
            using var body = new MemoryStream();
            await http.Request.Body.CopyToAsync(body);
            receiver.Requests.Enqueue((http.Request.Path.Value!, http.Request.ContentType, body.ToArray()));
            // An empty Export*ServiceResponse is zero bytes of protobuf.
            http.Response.ContentType = "application/x-protobuf";
        }));
        return receiver;
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
