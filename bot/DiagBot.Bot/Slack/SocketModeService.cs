using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DiagBot.Bot.Slack;

/// <summary>
/// Socket Mode: with the app-level token, asks apps.connections.open for a WebSocket URL, connects, and
/// acknowledges each envelope Slack sends. A `disconnect` message or a dropped connection means: open a new one.
/// </summary>
internal sealed class SocketModeService(SlackOptions options, SlackWebApiClient api, SocketModeDispatcher dispatcher, TimeProvider time, ILogger<SocketModeService> logger)
    : BackgroundService
{
    public const int MaxMessageBytes = 1024 * 1024;

    // Waits after connections that failed before Slack said hello; a connection that was greeted reconnects at once.
    private static readonly TimeSpan[] Backoff = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(30)];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            string reason;
            var greeted = false;
            try
            {
                var answer = await api.CallFormAsync("apps.connections.open", new Dictionary<string, string>(), options.AppToken!, stoppingToken).ConfigureAwait(false);
                var url = new Uri(answer.Text("url") ?? throw new SlackApiException("apps.connections.open", "no_url_in_answer"));
                using var socket = new ClientWebSocket();
                await socket.ConnectAsync(url, stoppingToken).ConfigureAwait(false);
                (greeted, reason) = await ReceiveAsync(socket, stoppingToken).ConfigureAwait(false);
                await CloseAsync(socket).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // Anything else (an HTTP client timeout's TaskCanceledException, a handler's bug) ends this connection
                // only: the bot reconnects, it never stops the host.
                reason = exception.Message;
                if (exception is not (SlackApiException or HttpRequestException or WebSocketException or UriFormatException or OperationCanceledException))
                {
                    logger.LogError(exception, "Slack Socket Mode connection failed unexpectedly");
                }
            }

            failures = greeted ? 0 : failures + 1;
            var wait = failures == 0 ? TimeSpan.Zero : Backoff[Math.Min(failures, Backoff.Length) - 1];
            logger.LogInformation("Slack Socket Mode connection ended ({Reason}); reconnecting in {Seconds} s", reason, wait.TotalSeconds);
            if (wait > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(wait, time, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task<(bool Greeted, string Reason)> ReceiveAsync(ClientWebSocket socket, CancellationToken stoppingToken)
    {
        var greeted = false;
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var result = await socket.ReceiveAsync(buffer, stoppingToken).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return (greeted, "closed by Slack");
                }

                message.Write(buffer, 0, result.Count);
                if (message.Length > MaxMessageBytes)
                {
                    return (greeted, "message too large");
                }

                if (!result.EndOfMessage)
                {
                    continue;
                }

                var received = message.ToArray();
                message.SetLength(0);
                if (!SlackJson.TryParse(received, out var envelope))
                {
                    continue;
                }

                switch (envelope.Text("type"))
                {
                    case "hello":
                        greeted = true;
                        logger.LogInformation("Slack Socket Mode connected");
                        break;
                    case "disconnect":
                        return (greeted, "disconnect: " + (envelope.Text("reason") ?? "no reason"));
                    default:
                        await AcknowledgeAsync(socket, envelope, stoppingToken).ConfigureAwait(false);
                        break;
                }
            }

            return (greeted, "socket " + socket.State);
        }
        catch (WebSocketException exception)
        {
            return (greeted, "connection lost: " + exception.Message);
        }
    }

    private async Task AcknowledgeAsync(ClientWebSocket socket, JsonElement envelope, CancellationToken stoppingToken)
    {
        JsonObject? ack;
        try
        {
            ack = await dispatcher.HandleAsync(envelope, stoppingToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
        {
            // Acknowledged all the same, so Slack does not redeliver what failed here; the log says what.
            logger.LogError(exception, "Slack Socket Mode envelope {Type} failed", envelope.Text("type"));
            ack = envelope.Text("envelope_id") is { } id ? new JsonObject { ["envelope_id"] = id } : null;
        }

        if (ack is not null)
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes(ack.ToJsonString()), WebSocketMessageType.Text, true, stoppingToken).ConfigureAwait(false);
        }
    }

    private static async Task CloseAsync(ClientWebSocket socket)
    {
        if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            try
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "reconnecting", timeout.Token).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
            {
                // The old connection is being replaced; how it ends does not matter.
            }
        }
    }
}
