namespace DiagBot.Sandbox.Kubernetes;

internal enum KubeLabelToken
{
    EndOfString,
    ClosedPar,
    Comma,
    DoesNotExist,
    DoubleEquals,
    Equals,
    GreaterThan,
    Identifier,
    In,
    LessThan,
    NotEquals,
    NotIn,
    OpenPar,
}

/// <summary>
/// Splits a labelSelector into tokens the way the API machinery's lexer does: whitespace separates, the special
/// symbols = ! ( ) , &gt; &lt; are read as the longest operator they spell, and anything else is an identifier (or the
/// keywords in / notin).
/// </summary>
internal static class KubeLabelLexer
{
    private static readonly Dictionary<string, KubeLabelToken> _symbols = new(StringComparer.Ordinal)
    {
        [")"] = KubeLabelToken.ClosedPar,
        [","] = KubeLabelToken.Comma,
        ["!"] = KubeLabelToken.DoesNotExist,
        ["=="] = KubeLabelToken.DoubleEquals,
        ["="] = KubeLabelToken.Equals,
        [">"] = KubeLabelToken.GreaterThan,
        ["in"] = KubeLabelToken.In,
        ["<"] = KubeLabelToken.LessThan,
        ["!="] = KubeLabelToken.NotEquals,
        ["notin"] = KubeLabelToken.NotIn,
        ["("] = KubeLabelToken.OpenPar,
    };

    public static List<(KubeLabelToken Token, string Literal)> Scan(string selector)
    {
        var tokens = new List<(KubeLabelToken, string)>();
        var position = 0;
        while (true)
        {
            while (position < selector.Length && IsWhitespace(selector[position]))
            {
                position++;
            }

            if (position >= selector.Length)
            {
                tokens.Add((KubeLabelToken.EndOfString, string.Empty));
                return tokens;
            }

            tokens.Add(IsSpecial(selector[position]) ? Symbol(selector, ref position) : IdentifierOrKeyword(selector, ref position));
        }
    }

    // Every special symbol alone is a token, so the first one always matches; "!=" and "==" extend it.
    private static (KubeLabelToken, string) Symbol(string selector, ref int position)
    {
        var start = position;
        var longest = (_symbols[selector[start].ToString()], selector[start].ToString());
        position++;
        while (position < selector.Length && _symbols.TryGetValue(selector[start..(position + 1)], out var token))
        {
            longest = (token, selector[start..(position + 1)]);
            position++;
        }

        return longest;
    }

    private static (KubeLabelToken, string) IdentifierOrKeyword(string selector, ref int position)
    {
        var start = position;
        while (position < selector.Length && !IsWhitespace(selector[position]) && !IsSpecial(selector[position]))
        {
            position++;
        }

        var word = selector[start..position];
        return _symbols.TryGetValue(word, out var keyword) ? (keyword, word) : (KubeLabelToken.Identifier, word);
    }

    private static bool IsWhitespace(char c) => c is ' ' or '\t' or '\r' or '\n';

    private static bool IsSpecial(char c) => c is '=' or '!' or '(' or ')' or ',' or '>' or '<';
}
