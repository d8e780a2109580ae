using DiagBot.Sandbox.Aws.Protocols;

namespace DiagBot.Sandbox.Aws.Ec2;

/// <summary>EC2 filter semantics: every filter must match; within one filter any value may match; '*' and '?' are wildcards.</summary>
internal static class Ec2Filters
{
    public static IEnumerable<T> Apply<T>(IEnumerable<T> items, AwsCall call, IReadOnlyDictionary<string, Func<T, IEnumerable<string>>> known)
    {
        var filters = QueryParameters.Filters(call.Form);
        foreach (var (name, _) in filters)
        {
            if (!known.ContainsKey(name) && !name.StartsWith("tag:", StringComparison.Ordinal))
            {
                throw new AwsException("InvalidParameterValue", $"The filter '{name}' is invalid");
            }
        }

        return items.Where(item => filters.All(filter =>
            known.TryGetValue(filter.Name, out var values)
            && values(item).Any(value => filter.Values.Any(pattern => Matches(pattern, value)))));
    }

    private static bool Matches(string pattern, string value) =>
        pattern.Contains('*') || pattern.Contains('?')
            ? System.Text.RegularExpressions.Regex.IsMatch(value,
                "^" + System.Text.RegularExpressions.Regex.Escape(pattern).Replace("\\*", ".*").Replace("\\?", ".") + "$")
            : pattern == value;
}
