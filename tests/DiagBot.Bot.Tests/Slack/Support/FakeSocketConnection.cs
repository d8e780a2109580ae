using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace DiagBot.Bot.Tests.Slack.Support;

/// <summary>The server side of one Socket Mode connection: the test sends envelopes and reads the acknowledgements.</summary>
internal sealed class FakeSocketConnection(WebSocket socket)
{
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Closed => _closed.Task;

    public Task SendAsync(string json) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, CancellationToken.None);

    public async Task<JsonElement> ReceiveAsync()
    {
        using var timeout = new CancellationTokenSource(Timeouts.Answer);
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, timeout.Token);
            message.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);

        using var document = JsonDocument.Parse(message.ToArray());
        return document.RootElement.Clone();
    }

    /// <summary>Ends the connection as a dropped network would: no close handshake.</summary>
    public void Drop()
    {
        socket.Abort();
        _closed.TrySetResult();
    }

    public async Task CloseAsync()
    {
        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
        _closed.TrySetResult();
    }
}
