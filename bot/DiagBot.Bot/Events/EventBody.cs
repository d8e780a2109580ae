using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace DiagBot.Bot.Events;

/// <summary>
/// Reads an event delivery's body as strict UTF-8 text, within a size limit, of an expected content type: an
/// EventBridge API destination sends application/json, SNS sends text/plain (both UTF-8). Every refusal says why.
/// </summary>
internal static class EventBody
{
    /// <summary>EventBridge events and SNS messages are at most 256 KB; an SNS envelope escapes its message, so allow twice that.</summary>
    public const int MaxBytes = 512 * 1024;

    public static readonly string[] EventBridgeTypes = ["application/json"];
    public static readonly string[] SnsTypes = ["text/plain", "application/json"];

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static async Task<(string? Text, IResult? Problem)> ReadAsync(HttpContext http, IReadOnlyList<string> types, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var contentType) || !types.Contains(contentType.MediaType.Value ?? "", StringComparer.OrdinalIgnoreCase))
        {
            return Refuse(StatusCodes.Status415UnsupportedMediaType, $"Content-Type '{http.Request.ContentType}' is not accepted here; send {string.Join(" or ", types)} in UTF-8.");
        }

        if (contentType.Charset.HasValue && !contentType.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase))
        {
            return Refuse(StatusCodes.Status415UnsupportedMediaType, $"charset '{contentType.Charset}' is not accepted; events are UTF-8.");
        }

        if (http.Request.ContentLength > MaxBytes)
        {
            return TooLarge();
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBytes;
        }

        byte[] bytes;
        try
        {
            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            bytes = buffer.ToArray();
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge();
        }

        if (bytes.Length == 0)
        {
            return Refuse(StatusCodes.Status400BadRequest, "The body is empty; send the event as JSON.");
        }

        try
        {
            return (StrictUtf8.GetString(bytes), null);
        }
        catch (DecoderFallbackException)
        {
            return Refuse(StatusCodes.Status400BadRequest, "The body is not valid UTF-8.");
        }
    }

    public static (string? Text, IResult? Problem) Refuse(int status, string error) => (null, Results.Json(new { error }, statusCode: status));

    private static (string? Text, IResult? Problem) TooLarge() =>
        Refuse(StatusCodes.Status413PayloadTooLarge, $"The body is larger than {MaxBytes / 1024} KiB; EventBridge events and SNS messages are at most 256 KB.");
}
