namespace DiagBot.Sandbox.Kubernetes;

/// <summary>The values of a requirement: a parenthesised set after in and notin, or one exact value after an equality.</summary>
internal sealed partial class KubeLabelParser
{
    private HashSet<string> ParseValues()
    {
        var (token, literal) = Next();
        if (token != KubeLabelToken.OpenPar)
        {
            throw Malformed($"found '{literal}' expected: '('");
        }

        (token, literal) = Peek();
        switch (token)
        {
            case KubeLabelToken.Identifier or KubeLabelToken.Comma:
                var values = ParseIdentifiers();
                Next();
                return values;
            case KubeLabelToken.ClosedPar:
                Next();
                return [string.Empty];
            default:
                throw Malformed($"found '{literal}', expected: ',', ')' or identifier");
        }
    }

    // "(a,,b)", "(,a)" and "(a,)" each hold the empty value too, as the API machinery reads them.
    private HashSet<string> ParseIdentifiers()
    {
        var values = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            var (token, literal) = Next();
            switch (token)
            {
                case KubeLabelToken.Identifier:
                    values.Add(literal);
                    var (next, nextLiteral) = Peek();
                    if (next == KubeLabelToken.ClosedPar)
                    {
                        return values;
                    }

                    if (next != KubeLabelToken.Comma)
                    {
                        throw Malformed($"found '{nextLiteral}', expected: ',' or ')'");
                    }

                    break;
                case KubeLabelToken.Comma:
                    if (values.Count == 0)
                    {
                        values.Add(string.Empty);
                    }

                    if (Peek().Token == KubeLabelToken.ClosedPar)
                    {
                        values.Add(string.Empty);
                        return values;
                    }

                    if (Peek().Token == KubeLabelToken.Comma)
                    {
                        Next();
                        values.Add(string.Empty);
                    }

                    break;
                default:
                    throw Malformed($"found '{literal}', expected: ',', or identifier");
            }
        }
    }

    private HashSet<string> ParseExactValue()
    {
        if (Peek().Token is KubeLabelToken.EndOfString or KubeLabelToken.Comma)
        {
            return [string.Empty];
        }

        var (token, literal) = Next();
        return token == KubeLabelToken.Identifier ? [literal] : throw Malformed($"found '{literal}', expected: identifier");
    }
}
