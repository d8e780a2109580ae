namespace DiagBot.Sandbox.Aws.Signing;

/// <summary>"AWS4-HMAC-SHA256 Credential=AKID/20260126/us-east-1/ecs/aws4_request, SignedHeaders=host;x-amz-date, Signature=hex"</summary>
internal sealed record AuthorizationHeader(
    string AccessKeyId, string Date, string Region, string Service, IReadOnlyList<string> SignedHeaders, string Signature)
{
    public const string Algorithm = "AWS4-HMAC-SHA256";

    public string Scope => $"{Date}/{Region}/{Service}/aws4_request";

    public static AuthorizationHeader? TryParse(string? header)
    {
        if (header is null || !header.StartsWith(Algorithm + " ", StringComparison.Ordinal))
        {
            return null;
        }

        var parts = header[(Algorithm.Length + 1)..]
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(part => part.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.Ordinal);

        if (!parts.TryGetValue("Credential", out var credential)
            || !parts.TryGetValue("SignedHeaders", out var signedHeaders)
            || !parts.TryGetValue("Signature", out var signature))
        {
            return null;
        }

        var scope = credential.Split('/');
        if (scope.Length != 5 || scope[4] != "aws4_request")
        {
            return null;
        }

        return new AuthorizationHeader(scope[0], scope[1], scope[2], scope[3], signedHeaders.Split(';'), signature);
    }

    /// <summary>The service named in a credential scope, read even when the rest of the header is unusable, to pick the error shape.</summary>
    public static string? ServiceOf(string? header)
    {
        var start = header?.IndexOf("Credential=", StringComparison.Ordinal) ?? -1;
        if (start < 0)
        {
            return null;
        }

        var scope = header![(start + "Credential=".Length)..].Split(',', ' ')[0].Split('/');
        return scope.Length >= 4 ? scope[3] : null;
    }
}
