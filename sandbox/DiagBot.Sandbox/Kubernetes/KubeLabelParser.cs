namespace DiagBot.Sandbox.Kubernetes;

/// <summary>
/// Parses a labelSelector as the API server does (equality-based and set-based requirements, comma-joined) and
/// refuses a malformed one with the server's message, which the list call answers as a 400 BadRequest Status.
/// </summary>
internal sealed partial class KubeLabelParser
{
    private static readonly string _binaryOperators = string.Join(", ", KubeLabelRequirement.In, KubeLabelRequirement.NotIn,
        KubeLabelRequirement.EqualsOperator, KubeLabelRequirement.DoubleEquals, KubeLabelRequirement.NotEquals, KubeLabelRequirement.GreaterThan, KubeLabelRequirement.LessThan);

    private readonly List<(KubeLabelToken Token, string Literal)> _tokens;
    private int _position;

    private KubeLabelParser(string selector) => _tokens = KubeLabelLexer.Scan(selector);

    public static IReadOnlyList<KubeLabelRequirement> Parse(string selector) => new KubeLabelParser(selector).ParseAll();

    private List<KubeLabelRequirement> ParseAll()
    {
        var requirements = new List<KubeLabelRequirement>();
        while (true)
        {
            var (token, literal) = Peek();
            switch (token)
            {
                case KubeLabelToken.Identifier or KubeLabelToken.DoesNotExist:
                    requirements.Add(ParseRequirementOrFail());
                    var (next, nextLiteral) = Next();
                    if (next == KubeLabelToken.EndOfString)
                    {
                        return requirements;
                    }

                    if (next != KubeLabelToken.Comma)
                    {
                        throw Malformed($"found '{nextLiteral}', expected: ',' or 'end of string'");
                    }

                    if (Peek() is var (after, afterLiteral) && after is not (KubeLabelToken.Identifier or KubeLabelToken.DoesNotExist))
                    {
                        throw Malformed($"found '{afterLiteral}', expected: identifier after ','");
                    }

                    break;
                case KubeLabelToken.EndOfString:
                    return requirements;
                default:
                    throw Malformed($"found '{literal}', expected: !, identifier, or 'end of string'");
            }
        }
    }

    private KubeLabelRequirement ParseRequirementOrFail()
    {
        try
        {
            return ParseRequirement();
        }
        catch (KubeException error)
        {
            throw Malformed($"unable to parse requirement: {error.Message}");
        }
    }

    private KubeLabelRequirement ParseRequirement()
    {
        var (key, inferred) = ParseKeyAndInferOperator();
        if (inferred is { } unary)
        {
            return Validated(key, unary, []);
        }

        var op = ParseOperator();
        var values = op is KubeLabelRequirement.In or KubeLabelRequirement.NotIn ? ParseValues() : ParseExactValue();
        return Validated(key, op, [.. values.Order(StringComparer.Ordinal)]);
    }

    private (string Key, string? Operator) ParseKeyAndInferOperator()
    {
        string? op = null;
        var (token, literal) = Next();
        if (token == KubeLabelToken.DoesNotExist)
        {
            op = KubeLabelRequirement.DoesNotExist;
            (token, literal) = Next();
        }

        if (token != KubeLabelToken.Identifier)
        {
            throw Malformed($"found '{literal}', expected: identifier");
        }

        if (KubeLabelValidation.Key("<nil>", literal) is { } invalid)
        {
            throw Malformed(invalid);
        }

        if (Peek().Token is KubeLabelToken.EndOfString or KubeLabelToken.Comma)
        {
            op ??= KubeLabelRequirement.Exists;
        }

        return (literal, op);
    }

    // Here "in" and "notin" are operators; everywhere else they are plain identifiers.
    private string ParseOperator()
    {
        var (token, literal) = Next(keywords: true);
        return token switch
        {
            KubeLabelToken.In => KubeLabelRequirement.In,
            KubeLabelToken.NotIn => KubeLabelRequirement.NotIn,
            KubeLabelToken.Equals => KubeLabelRequirement.EqualsOperator,
            KubeLabelToken.DoubleEquals => KubeLabelRequirement.DoubleEquals,
            KubeLabelToken.NotEquals => KubeLabelRequirement.NotEquals,
            KubeLabelToken.GreaterThan => KubeLabelRequirement.GreaterThan,
            KubeLabelToken.LessThan => KubeLabelRequirement.LessThan,
            _ => throw Malformed($"found '{literal}', expected: {_binaryOperators}"),
        };
    }

    private static KubeLabelRequirement Validated(string key, string op, IReadOnlyList<string> values)
    {
        var errors = KubeLabelValidation.RequirementErrors(key, op, values);
        return errors.Count switch
        {
            0 => new KubeLabelRequirement(key, op, values),
            1 => throw Malformed(errors[0]),
            _ => throw Malformed($"[{string.Join(", ", errors)}]"),
        };
    }

    private (KubeLabelToken Token, string Literal) Peek() => AsValue(_tokens[_position], keywords: false);

    private (KubeLabelToken Token, string Literal) Next(bool keywords = false)
    {
        // The end of the string is the last token and stays the next one once reached.
        var item = _tokens[_position];
        _position = Math.Min(_position + 1, _tokens.Count - 1);
        return AsValue(item, keywords);
    }

    private static (KubeLabelToken, string) AsValue((KubeLabelToken Token, string Literal) item, bool keywords) =>
        !keywords && item.Token is KubeLabelToken.In or KubeLabelToken.NotIn ? (KubeLabelToken.Identifier, item.Literal) : item;

    private static KubeException Malformed(string message) => new(400, "BadRequest", message);
}
