namespace DiagBot.Bot.Slack;

/// <summary>Reads a request's raw body and checks its Slack signature before anything parses it.</summary>
internal sealed class SlackRequestReader(SlackSignatureVerifier verifier, ILogger<SlackRequestReader> logger)
{
    /// <summary>Interaction payloads carry the whole message they came from; a megabyte is far above any of them.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    public async Task<SlackRequest> ReadAsync(HttpContext context)
    {
        var body = await ReadBodyAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            return SlackRequest.Rejected(Results.StatusCode(StatusCodes.Status413PayloadTooLarge));
        }

        var check = verifier.Verify(
            context.Request.Headers[SlackSignatureVerifier.TimestampHeader],
            context.Request.Headers[SlackSignatureVerifier.SignatureHeader],
            body);
        if (check != SignatureCheck.Valid)
        {
            logger.LogWarning("Rejected a request to {Path}: {Check}", context.Request.Path, check);
            return SlackRequest.Rejected(Results.Unauthorized());
        }

        return SlackRequest.Accepted(body);
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}

/// <summary>A request whose signature was checked: its body, or the response that rejects it.</summary>
internal sealed record SlackRequest(byte[] Body, IResult? Rejection)
{
    public static SlackRequest Accepted(byte[] body) => new(body, null);

    public static SlackRequest Rejected(IResult rejection) => new([], rejection);
}
