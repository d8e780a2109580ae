using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace DiagBot.Sandbox.Aws.Protocols;

/// <summary>Reads the flattened parameters of a Query or EC2 Query request: "Names.member.1", "Filter.1.Value.2", "SubnetId.1".</summary>
internal static class QueryParameters
{
    public static Dictionary<string, string> Parse(byte[] body) =>
        QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body)).ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal);

    public static string? Get(IReadOnlyDictionary<string, string> form, string name) => form.GetValueOrDefault(name);

    public static string Required(IReadOnlyDictionary<string, string> form, string name) =>
        form.GetValueOrDefault(name) is { Length: > 0 } value
            ? value
            : throw new AwsException("ValidationError", $"1 validation error detected: Value null at '{char.ToLowerInvariant(name[0])}{name[1..]}' failed to satisfy constraint: Member must not be null");

    /// <summary>Values of "&lt;prefix&gt;.1", "&lt;prefix&gt;.2", ... in index order.</summary>
    public static IReadOnlyList<string> List(IReadOnlyDictionary<string, string> form, string prefix) =>
        [.. Indexed(form, prefix).Where(p => !p.Tail.Contains('.')).OrderBy(p => p.Index).Select(p => p.Value)];

    /// <summary>Structures of "&lt;prefix&gt;.N.&lt;Member&gt;" grouped by N, e.g. Targets.member.1.Id and Targets.member.1.Port.</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Structures(IReadOnlyDictionary<string, string> form, string prefix) =>
        [.. Indexed(form, prefix)
            .Where(p => p.Tail.Contains('.'))
            .GroupBy(p => p.Index)
            .OrderBy(g => g.Key)
            .Select(g => (IReadOnlyDictionary<string, string>)g.ToDictionary(p => p.Tail[(p.Tail.IndexOf('.') + 1)..], p => p.Value, StringComparer.Ordinal))];

    /// <summary>EC2 filters: Filter.N.Name with Filter.N.Value.M.</summary>
    public static IReadOnlyList<(string Name, IReadOnlyList<string> Values)> Filters(IReadOnlyDictionary<string, string> form) =>
        [.. Structures(form, "Filter").Select(s => (
            s.GetValueOrDefault("Name") ?? string.Empty,
            (IReadOnlyList<string>)[.. s.Where(p => p.Key.StartsWith("Value.", StringComparison.Ordinal))
                .OrderBy(p => int.Parse(p.Key["Value.".Length..], System.Globalization.CultureInfo.InvariantCulture))
                .Select(p => p.Value)]))];

    private static IEnumerable<(int Index, string Tail, string Value)> Indexed(IReadOnlyDictionary<string, string> form, string prefix)
    {
        var start = prefix + ".";
        foreach (var (key, value) in form)
        {
            if (!key.StartsWith(start, StringComparison.Ordinal))
            {
                continue;
            }

            var rest = key[start.Length..];
            var dot = rest.IndexOf('.');
            if (int.TryParse(dot < 0 ? rest : rest[..dot], System.Globalization.CultureInfo.InvariantCulture, out var index))
            {
                yield return (index, rest, value);
            }
        }
    }
}
