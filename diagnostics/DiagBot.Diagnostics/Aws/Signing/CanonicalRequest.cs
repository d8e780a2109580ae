using System.Security.Cryptography;
using System.Text;

namespace DiagBot.Diagnostics.Aws.Signing;

/// <summary>
/// The SigV4 canonical request (method, path, sorted query, sorted lower-cased headers, payload hash).
/// AWSSDK.Core signs it; building it is ours because our clients do not go through the SDK pipeline.
/// </summary>
internal sealed record CanonicalRequest(string Text, string SignedHeaders)
{
    public static CanonicalRequest Create(
        string method,
        string path,
        IEnumerable<KeyValuePair<string, string>> query,
        IEnumerable<KeyValuePair<string, string>> headers,
        string payloadSha256Hex)
    {
        var canonicalHeaders = headers
            .GroupBy(h => h.Key.Trim().ToLowerInvariant())
            .Select(g => (Name: g.Key, Value: string.Join(",", g.Select(h => CollapseSpaces(h.Value)))))
            .OrderBy(h => h.Name, StringComparer.Ordinal)
            .ToList();
        var signedHeaders = string.Join(";", canonicalHeaders.Select(h => h.Name));

        var text = new StringBuilder()
            .Append(method.ToUpperInvariant()).Append('\n')
            .Append(CanonicalPath(path)).Append('\n')
            .Append(CanonicalQuery(query)).Append('\n');
        foreach (var (name, value) in canonicalHeaders)
        {
            text.Append(name).Append(':').Append(value).Append('\n');
        }

        text.Append('\n').Append(signedHeaders).Append('\n').Append(payloadSha256Hex);
        return new CanonicalRequest(text.ToString(), signedHeaders);
    }

    public static string HashHex(ReadOnlySpan<byte> payload) => Convert.ToHexStringLower(SHA256.HashData(payload));

    public static string CanonicalQuery(IEnumerable<KeyValuePair<string, string>> query) => string.Join("&", query
        .Select(p => (Key: Uri.EscapeDataString(p.Key), Value: Uri.EscapeDataString(p.Value)))
        .OrderBy(p => p.Key, StringComparer.Ordinal)
        .ThenBy(p => p.Value, StringComparer.Ordinal)
        .Select(p => $"{p.Key}={p.Value}"));

    // Each segment is RFC 3986 encoded; Uri.EscapeDataString leaves exactly the unreserved characters alone.
    private static string CanonicalPath(string path) => path.Length == 0
        ? "/"
        : string.Join("/", path.Split('/').Select(s => Uri.EscapeDataString(Uri.UnescapeDataString(s))));

    private static string CollapseSpaces(string value) => string.Join(' ', value.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
