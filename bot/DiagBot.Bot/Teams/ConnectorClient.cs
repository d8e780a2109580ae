using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Polly;

namespace DiagBot.Bot.Teams;

/// <summary>
/// The Bot Connector REST API v3 calls DiagBot makes, against the activity's serviceUrl: reply to an activity,
/// send to a conversation, update an activity, create a conversation. Each carries the bot's bearer token.
/// </summary>
internal sealed class ConnectorClient(IHttpClientFactory clients, IConnectorTokenSource tokens, TeamsOptions options, TimeProvider time, ILogger<ConnectorClient> logger)
{
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline = ConnectorResilience.Create(options, time);

    /// <summary>POST /v3/conversations/{conversationId}/activities/{activityId}.</summary>
    public Task<string?> ReplyAsync(string serviceUrl, string conversationId, string activityId, JsonObject activity, CancellationToken cancellationToken) =>
        SendForIdAsync(HttpMethod.Post, serviceUrl, $"v3/conversations/{Segment(conversationId)}/activities/{Segment(activityId)}", activity, cancellationToken);

    /// <summary>POST /v3/conversations/{conversationId}/activities.</summary>
    public Task<string?> SendAsync(string serviceUrl, string conversationId, JsonObject activity, CancellationToken cancellationToken) =>
        SendForIdAsync(HttpMethod.Post, serviceUrl, $"v3/conversations/{Segment(conversationId)}/activities", activity, cancellationToken);

    /// <summary>PUT /v3/conversations/{conversationId}/activities/{activityId}.</summary>
    public Task<string?> UpdateAsync(string serviceUrl, string conversationId, string activityId, JsonObject activity, CancellationToken cancellationToken) =>
        SendForIdAsync(HttpMethod.Put, serviceUrl, $"v3/conversations/{Segment(conversationId)}/activities/{Segment(activityId)}", activity, cancellationToken);

    /// <summary>POST /v3/conversations: a new conversation (in a channel, a new thread) that starts with the given activity.</summary>
    public async Task<CreatedConversation> CreateConversationAsync(string serviceUrl, JsonObject parameters, CancellationToken cancellationToken)
    {
        using var document = await SendAsync(HttpMethod.Post, serviceUrl, "v3/conversations", parameters, cancellationToken).ConfigureAwait(false);
        var root = document.RootElement;
        return new CreatedConversation(Text(root, "id") ?? string.Empty, Text(root, "activityId"));
    }

    private async Task<string?> SendForIdAsync(HttpMethod method, string serviceUrl, string path, JsonObject body, CancellationToken cancellationToken)
    {
        using var document = await SendAsync(method, serviceUrl, path, body, cancellationToken).ConfigureAwait(false);
        return Text(document.RootElement, "id");
    }

    private async Task<JsonDocument> SendAsync(HttpMethod method, string serviceUrl, string path, JsonObject body, CancellationToken cancellationToken)
    {
        var uri = new Uri(new Uri(serviceUrl.EndsWith('/') ? serviceUrl : serviceUrl + "/"), path);
        var client = clients.CreateClient(TeamsHttpClients.Connector);
        using var response = await _pipeline.ExecuteAsync(
            async token =>
            {
                using var request = new HttpRequestMessage(method, uri) { Content = JsonContent.Create(body, options: TeamsJson.Options) };
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetTokenAsync(token).ConfigureAwait(false));
                return await client.SendAsync(request, token).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var detail = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            logger.LogWarning("Bot Connector {Method} {Path} answered {Status}: {Detail}", method, path, (int)response.StatusCode, detail);
            throw new ConnectorException($"The Bot Connector answered {(int)response.StatusCode} to {method} {path}.");
        }

        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return JsonDocument.Parse(string.IsNullOrWhiteSpace(text) ? "{}" : text);
    }

    // Conversation ids carry ':' '@' ';' and '='; each goes into the path as one escaped segment.
    private static string Segment(string value) => Uri.EscapeDataString(value);

    private static string? Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

internal sealed record CreatedConversation(string ConversationId, string? ActivityId);

internal sealed class ConnectorException(string message) : Exception(message);
