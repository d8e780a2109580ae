using System.Globalization;

namespace DiagBot.Sandbox.Kubernetes;

/// <summary>One parsed requirement of a labelSelector. Operators are named as the API machinery names them.</summary>
internal sealed record KubeLabelRequirement(string Key, string Operator, IReadOnlyList<string> Values)
{
    public const string In = "in";
    public const string NotIn = "notin";
    public const string EqualsOperator = "=";
    public const string DoubleEquals = "==";
    public const string NotEquals = "!=";
    public const string GreaterThan = "gt";
    public const string LessThan = "lt";
    public const string Exists = "exists";
    public const string DoesNotExist = "!";

    /// <summary>A label that is absent satisfies notin and != : only a present label with a listed value is excluded.</summary>
    public bool Matches(Func<string, string?> label) => (Operator, label(Key)) switch
    {
        (In or EqualsOperator or DoubleEquals, { } value) => Values.Contains(value),
        (In or EqualsOperator or DoubleEquals, null) => false,
        (NotIn or NotEquals, { } value) => !Values.Contains(value),
        (NotIn or NotEquals, null) => true,
        (Exists, var value) => value is not null,
        (DoesNotExist, var value) => value is null,
        (GreaterThan or LessThan, { } value) => Compare(value),
        _ => false,
    };

    private bool Compare(string value)
    {
        if (!long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var actual))
        {
            return false;
        }

        var bound = long.Parse(Values[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        return Operator == GreaterThan ? actual > bound : actual < bound;
    }
}
