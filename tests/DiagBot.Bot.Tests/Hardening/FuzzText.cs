using System.Text;

namespace DiagBot.Bot.Tests.Hardening;

/// <summary>Random inputs built from the fragments parsers care about, from a fixed seed so a failure replays.</summary>
internal sealed class FuzzText(int seed)
{
    private static readonly string[] Fragments =
    [
        "arn", ":", "aws", "aws-cn", "aws-us-gov", "aws-iso", "ecs", "s3", "us-east-1", "123456789012", "task/", "service/",
        "cluster/", "/", "prod", "0123456789abcdef0123456789abcdef", "a1b2c3", " ", "  ", "\t", "\n", "/diagnose", "diagnose",
        "--share", "share", "help", "pod/", "default/", "kube-system", "exit", "137", "503", "OOMKilled", "<@U0BOT>", "<!channel>",
        "*", "`", "<", ">", "&", "\"", "'", "\\", "\0", "\u202E", "\uD83D\uDE00", "\uFFFD", "é", "ß", "-", "_", ".", "..", "%00", "%",
    ];

    private readonly Random _random = new(seed);

    public string Next()
    {
        var text = new StringBuilder();
        var parts = _random.Next(0, 12);
        for (var i = 0; i < parts; i++)
        {
            text.Append(_random.Next(10) switch
            {
                0 => (char)_random.Next(0, 0xD7FF),
                1 => new string((char)_random.Next(32, 127), _random.Next(1, 40)),
                _ => Fragments[_random.Next(Fragments.Length)],
            });
        }

        return text.ToString();
    }
}
