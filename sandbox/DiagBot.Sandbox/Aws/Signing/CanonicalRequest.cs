using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.Features;

namespace DiagBot.Sandbox.Aws.Signing;

/// <summary>Builds the SigV4 canonical request from what arrived on the wire, following the AWS SigV4 documentation.</summary>
internal static class CanonicalRequest
{
    public static string Build(HttpRequest request, IReadOnlyList<string> signedHeaders, byte[] body)
    {
        var rawTarget = request.HttpContext.Features.Get<IHttpRequestFeature>()?.RawTarget ?? request.Path.Value ?? "/";
        var queryStart = rawTarget.IndexOf('?', StringComparison.Ordinal);
        var rawPath = queryStart < 0 ? rawTarget : rawTarget[..queryStart];
        var rawQuery = queryStart < 0 ? string.Empty : rawTarget[(queryStart + 1)..];

        var builder = new StringBuilder();
        builder.Append(request.Method).Append('\n');
        builder.Append(CanonicalPath(rawPath)).Append('\n');
        builder.Append(CanonicalQuery(rawQuery)).Append('\n');
        foreach (var name in signedHeaders)
        {
            builder.Append(name).Append(':').Append(HeaderValue(request, name)).Append('\n');
        }

        builder.Append('\n');
        builder.Append(string.Join(';', signedHeaders)).Append('\n');
        builder.Append(Hex(SHA256.HashData(body)));
        return builder.ToString();
    }

    public static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);

    // Every service but S3 encodes each path segment once more on top of the raw (already encoded) path.
    private static string CanonicalPath(string rawPath) =>
        rawPath.Length == 0 ? "/" : string.Join('/', rawPath.Split('/').Select(Uri.EscapeDataString));

    private static string CanonicalQuery(string rawQuery)
    {
        if (rawQuery.Length == 0)
        {
            return string.Empty;
        }

        var pairs = rawQuery.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(pair => (Key: Encode(pair[0]), Value: Encode(pair.Length > 1 ? pair[1] : string.Empty)))
            .Where(pair => pair.Key != "X-Amz-Signature")
            .OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .ThenBy(pair => pair.Value, StringComparer.Ordinal);
        return string.Join('&', pairs.Select(pair => $"{pair.Key}={pair.Value}"));
    }

    private static string Encode(string raw) => Uri.EscapeDataString(Uri.UnescapeDataString(raw.Replace('+', ' ')));

    // Values are trimmed and inner runs of spaces collapse to one; repeated headers join with commas.
    private static string HeaderValue(HttpRequest request, string name)
    {
        var values = name == "host" ? [request.Host.Value ?? string.Empty] : request.Headers[name].Select(v => v ?? string.Empty);
        return string.Join(',', values.Select(value => string.Join(' ', value.Split(' ', StringSplitOptions.RemoveEmptyEntries))));
    }
}
