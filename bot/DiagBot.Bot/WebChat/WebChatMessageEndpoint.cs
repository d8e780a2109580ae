using System.Text.Json;
using System.Text.Json.Nodes;
using DiagBot.Bot.Chat;
using DiagBot.Bot.Hosting;
using DiagBot.Bot.Rendering;
using DiagBot.Bot.WebChat.Access;
using Microsoft.AspNetCore.Http.Features;

namespace DiagBot.Bot.WebChat;

/// <summary>
/// POST /webchat/api/messages {"text": "..."}: answers as JSON lines, so the page can show progress while the
/// diagnosis runs: {"type":"progress"}, then one {"type":"verdict"|"help"|"error"}.
/// </summary>
internal static class WebChatMessageEndpoint
{
    public const int MaxBodyBytes = 16 * 1024;

    private static readonly string TooLarge = $"That message is larger than {MaxBodyBytes / 1024} KiB; paste the task ARN or the one error line.";

    public static async Task HandleAsync(HttpContext http, DiagnosisService diagnoses, AnswerOrigin origin)
    {
        var text = await ReadTextAsync(http).ConfigureAwait(false);
        if (text.Error is { } error)
        {
            http.Response.StatusCode = error.Status;
            await http.Response.WriteAsJsonAsync(new { type = "error", text = OutgoingText.Plain(error.Message) }).ConfigureAwait(false);
            return;
        }

        http.Response.ContentType = "application/x-ndjson; charset=utf-8";
        var command = ChatCommandParser.Parse(text.Value);
        switch (command.Kind)
        {
            case ChatCommandKind.Help:
                await WriteLineAsync(http, new JsonObject { ["type"] = "help", ["text"] = OutgoingText.Plain(ChatCommand.Usage) }).ConfigureAwait(false);
                return;
            case ChatCommandKind.Invalid:
                await WriteLineAsync(http, new JsonObject { ["type"] = "error", ["text"] = OutgoingText.Plain(command.Error) }).ConfigureAwait(false);
                return;
        }

        var progress = new ChannelProgress();
        // The signed-in user (none in the sandbox) and the caller's address, as the known proxies forwarded it.
        var requester = new Requester("webchat", WebChatAccess.UserOf(http.User), http.Connection.RemoteIpAddress?.ToString());
        var diagnosis = RunAsync(diagnoses, command.Subject, requester, progress, http.RequestAborted);
        await foreach (var line in progress.Reader.ReadAllAsync(http.RequestAborted).ConfigureAwait(false))
        {
            await WriteLineAsync(http, new JsonObject { ["type"] = "progress", ["text"] = OutgoingText.Plain(line) }).ConfigureAwait(false);
        }

        var outcome = await diagnosis.ConfigureAwait(false);
        await WriteLineAsync(http, outcome.Report is { } report
            ? new JsonObject { ["type"] = "verdict", ["report"] = WebChatReport.ToJson(report, origin) }
            : new JsonObject { ["type"] = "error", ["text"] = OutgoingText.Plain(outcome.Problem) }).ConfigureAwait(false);
    }

    private static async Task<DiagnosisOutcome> RunAsync(DiagnosisService diagnoses, string subject, Requester requester, ChannelProgress progress, CancellationToken cancellationToken)
    {
        try
        {
            return await diagnoses.DiagnoseAsync(subject, requester, progress, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            progress.Complete();
        }
    }

    private static async Task<(string Value, (int Status, string Message)? Error)> ReadTextAsync(HttpContext http)
    {
        if (http.Request.ContentLength > MaxBodyBytes)
        {
            return (string.Empty, (StatusCodes.Status413PayloadTooLarge, TooLarge));
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBodyBytes;
        }

        if (!http.Request.HasJsonContentType())
        {
            return (string.Empty, (StatusCodes.Status415UnsupportedMediaType, "Send the message as JSON: {\"text\": \"/diagnose ...\"}."));
        }

        try
        {
            using var body = await JsonDocument.ParseAsync(http.Request.Body, StrictJson.Document, http.RequestAborted).ConfigureAwait(false);
            return body.RootElement.ValueKind == JsonValueKind.Object && body.RootElement.TryGetProperty("text", out var value) && value.ValueKind == JsonValueKind.String
                ? (value.GetString()!, null)
                : (string.Empty, (StatusCodes.Status400BadRequest, "The message needs a \"text\" string: {\"text\": \"/diagnose ...\"}."));
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (string.Empty, (StatusCodes.Status413PayloadTooLarge, TooLarge));
        }
        // A string of invalid UTF-8 passes the reader and fails only when read as text: InvalidOperationException.
        catch (Exception exception) when (exception is JsonException or BadHttpRequestException or System.Text.DecoderFallbackException or InvalidOperationException)
        {
            return (string.Empty, (StatusCodes.Status400BadRequest, "That was not valid JSON; send {\"text\": \"/diagnose ...\"}."));
        }
    }

    private static async Task WriteLineAsync(HttpContext http, JsonObject line)
    {
        await http.Response.WriteAsync(line.ToJsonString() + "\n", http.RequestAborted).ConfigureAwait(false);
        await http.Response.Body.FlushAsync(http.RequestAborted).ConfigureAwait(false);
    }
}
