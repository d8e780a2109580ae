using System.Globalization;
using System.Text.RegularExpressions;

namespace DiagBot.Sandbox.Kubernetes;

/// <summary>The checks the API server makes on a selector's keys and values, with its messages and field paths.</summary>
internal static partial class KubeLabelValidation
{
    private const string NameFormat = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
    private const string ValueFormat = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
    private const string SubdomainFormat = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

    /// <summary>A key is a qualified name: an optional DNS subdomain prefix and '/', then a name of at most 63 characters.</summary>
    public static string? Key(string path, string key)
    {
        var errors = KeyErrors(key).ToList();
        return errors.Count == 0 ? null : Invalid(path, key, string.Join("; ", errors));
    }

    /// <summary>Every complaint about one parsed requirement, in the order the API server lists them.</summary>
    public static List<string> RequirementErrors(string key, string op, IReadOnlyList<string> values)
    {
        var errors = new List<string>();
        if (Key("key", key) is { } badKey)
        {
            errors.Add(badKey);
        }

        if (op is KubeLabelRequirement.GreaterThan or KubeLabelRequirement.LessThan)
        {
            errors.AddRange(values
                .Where(v => !long.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
                .Select((v, i) => Invalid(
                    string.Create(CultureInfo.InvariantCulture, $"values[{i}]"), v, "for 'Gt', 'Lt' operators, the value must be an integer")));
        }

        errors.AddRange(values.Select((v, i) => Value(string.Create(CultureInfo.InvariantCulture, $"values[{i}][{key}]"), v)).OfType<string>());
        return errors;
    }

    public static string? Value(string path, string value)
    {
        var errors = new List<string>();
        if (value.Length > 63)
        {
            errors.Add("must be no more than 63 characters");
        }

        if (!LabelValue().IsMatch(value))
        {
            errors.Add(ValueFormat);
        }

        return errors.Count == 0 ? null : Invalid(path, value, string.Join("; ", errors));
    }

    public static string Invalid(string path, string value, string detail) => string.Create(CultureInfo.InvariantCulture, $"{path}: Invalid value: \"{value}\": {detail}");

    private static IEnumerable<string> KeyErrors(string key)
    {
        var parts = key.Split('/');
        if (parts.Length > 2)
        {
            yield return $"a qualified name {NameFormat} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')";
            yield break;
        }

        var name = parts[^1];
        if (parts.Length == 2)
        {
            var prefix = parts[0];
            if (prefix.Length == 0)
            {
                yield return "prefix part must be non-empty";
            }
            else if (prefix.Length > 253)
            {
                yield return "prefix part must be no more than 253 characters";
            }
            else if (!Subdomain().IsMatch(prefix))
            {
                yield return $"prefix part {SubdomainFormat}";
            }
        }

        if (name.Length == 0)
        {
            yield return "name part must be non-empty";
        }
        else if (name.Length > 63)
        {
            yield return "name part must be no more than 63 characters";
        }

        if (name.Length > 0 && !QualifiedName().IsMatch(name))
        {
            yield return $"name part {NameFormat}";
        }
    }

    [GeneratedRegex("^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$")]
    private static partial Regex QualifiedName();

    [GeneratedRegex("^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$")]
    private static partial Regex LabelValue();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex Subdomain();
}
