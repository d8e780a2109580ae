using System.Collections.Concurrent;
using System.Globalization;
using System.Web;
using Microsoft.AspNetCore.Http;

namespace DiagBot.Bot.Tests.Slack.Support;

/// <summary>
/// The fake Slack's half of the external upload flow, strict where Slack is (docs.slack.dev, files.getUploadURLExternal
/// and files.completeUploadExternal): a ticket needs a filename and a positive length; the bytes must arrive at the
/// ticket's URL at that length; completing needs files that were uploaded, and a channel_id with a thread_ts.
/// </summary>
internal sealed class FakeSlackFiles(Func<Uri> baseAddress)
{
    private readonly ConcurrentDictionary<string, int> _tickets = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string FileId, byte[] Bytes)> _uploads = new();
    private int _next;

    /// <summary>Hands out upload URLs on this host instead of the fake's own (to check that DiagBot refuses them).</summary>
    public string? UploadUrlHost { get; set; }

    public IReadOnlyList<(string FileId, byte[] Bytes)> Uploads => [.. _uploads];

    public object Ticket(RecordedRequest request)
    {
        var form = HttpUtility.ParseQueryString(request.Body);
        var hasLength = int.TryParse(form["length"], NumberStyles.None, CultureInfo.InvariantCulture, out var length);
        if (string.IsNullOrEmpty(form["filename"]) || !hasLength || length == 0)
        {
            return new { ok = false, error = "missing_argument" };
        }

        if (form["alt_txt"] is { Length: > 1000 })
        {
            return new { ok = false, error = "alt_txt_too_large" };
        }

        var id = string.Create(CultureInfo.InvariantCulture, $"F0CHART{Interlocked.Increment(ref _next):0000}");
        _tickets[id] = length;
        var url = new UriBuilder(new Uri(baseAddress(), "upload/" + id));
        if (UploadUrlHost is not null)
        {
            url.Host = UploadUrlHost;
        }

        return new { ok = true, upload_url = url.Uri.AbsoluteUri, file_id = id };
    }

    public object Complete(RecordedRequest request)
    {
        var body = request.Json();
        var files = body.GetProperty("files").EnumerateArray().Select(file => file.GetProperty("id").GetString()!).ToArray();
        if (files.Length == 0 || files.Any(id => !_uploads.Any(upload => upload.FileId == id)))
        {
            return new { ok = false, error = "file_not_found" };
        }

        if (body.TryGetProperty("thread_ts", out _) && !body.TryGetProperty("channel_id", out _))
        {
            return new { ok = false, error = "invalid_arguments" };
        }

        return new { ok = true, files = files.Select(id => new { id }) };
    }

    public async Task<RecordedRequest> UploadAsync(HttpContext context, string id)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        var bytes = buffer.ToArray();
        var request = new RecordedRequest(context.Request.Path.Value!.TrimStart('/'), context.Request.Headers.Authorization.ToString(),
            context.Request.ContentType ?? string.Empty, string.Create(CultureInfo.InvariantCulture, $"{bytes.Length} bytes"));
        if (!_tickets.TryGetValue(id, out var length) || length != bytes.Length)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return request;
        }

        _uploads.Enqueue((id, bytes));
        await context.Response.WriteAsync(string.Create(CultureInfo.InvariantCulture, $"OK - {bytes.Length}"));
        return request;
    }
}
