using System.Text;

namespace DiagBot.Bot.Tests.Hardening;

/// <summary>What an attacker or a careless paste sends: the texts and raw bodies every inbound surface is tried with.</summary>
internal static class HostileInput
{
    public const int OversizedBytes = 2 * 1024 * 1024;

    public static readonly IReadOnlyList<string> Texts =
    [
        new string('x', 10_000),
        "exit 137 " + string.Concat(Enumerable.Repeat("out of memory ", 700)),
        "<!channel> <!here> *bold* _it_ ~strike~ `code` <https://evil.example/|click me> <@U0ADMIN>",
        "<script>alert(1)</script><img src=x onerror=alert(1)> &amp; &lt;b&gt;",
        "arn:aws-cn:ecs:cn-north-1:123456789012:task/prod/0123456789abcdef0123456789abcdef",
        "arn:aws-us-gov:ecs:us-gov-west-1:123456789012:task/prod/0123456789abcdef0123456789abcdef",
        "arn:aws-iso:ecs:us-iso-east-1:123456789012:task/prod/0123456789abcdef0123456789abcdef",
        "arn:aws:ecs",
        "arn:::::",
        "arn:aws:ecs:us-east-1:not-an-account:task/",
        "arn:aws:ecs:us-east-1:123456789012:task//",
        "arn:aws:s3:::my-bucket/key",
        "arn:aws:ecs:us-east-1:123456789012:service/prod/" + new string('s', 2_000),
        "task\0with\0nul \u202Eevil\u202C \uFFFF \uD83D\uDE00",
        "   \t\r\n   ",
        "--format json --share --unknown-flag",
    ];

    public static byte[] InvalidUtf8 => [0x7B, 0x22, 0x74, 0x65, 0x78, 0x74, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0xFF, 0xFE, 0xED, 0xA0, 0x80, 0x22, 0x7D];

    public static string Oversized => "{\"text\":\"" + new string('a', OversizedBytes) + "\"}";

    public static string DeeplyNestedArray => new string('[', 100_000) + new string(']', 100_000);

    public static string DeeplyNestedObject => string.Concat(Enumerable.Repeat("{\"a\":", 5_000)) + "1" + new string('}', 5_000);

    public static string Truncated => "{\"text\": \"/diagnose abc";

    public static IReadOnlyList<(string Name, byte[] Body, string ContentType)> RawBodies(string jsonOf) =>
    [
        ("oversized", Encoding.UTF8.GetBytes(Oversized), "application/json"),
        ("invalid utf-8", InvalidUtf8, "application/json"),
        ("nested arrays", Encoding.UTF8.GetBytes(DeeplyNestedArray), "application/json"),
        ("nested objects", Encoding.UTF8.GetBytes(DeeplyNestedObject), "application/json"),
        ("truncated json", Encoding.UTF8.GetBytes(Truncated), "application/json"),
        ("empty body", [], "application/json"),
        ("json null", Encoding.UTF8.GetBytes("null"), "application/json"),
        ("json wrong types", Encoding.UTF8.GetBytes("{\"text\":42,\"type\":[1],\"payload\":{}}"), "application/json"),
        ("text/plain", Encoding.UTF8.GetBytes(jsonOf), "text/plain"),
        ("xml", Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>"), "application/xml"),
        ("multipart", Encoding.UTF8.GetBytes("--b\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\nhi\r\n--b--"), "multipart/form-data; boundary=b"),
        ("form with invalid utf-8", [0x74, 0x65, 0x78, 0x74, 0x3D, 0xC3, 0x28, 0x25, 0xFF, 0x25], "application/x-www-form-urlencoded"),
        ("charset lie", Encoding.Unicode.GetBytes(jsonOf), "application/json; charset=utf-7"),
    ];
}
