namespace DiagBot.Bot.Charts;

/// <summary>The CRC-32 every PNG chunk ends with (ISO 3309, as PNG specification annex D computes it).</summary>
internal static class Crc32
{
    private static readonly uint[] Table = [.. Enumerable.Range(0, 256).Select(n => Entry((uint)n))];

    public static uint Of(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return crc ^ 0xFFFFFFFFu;
    }

    private static uint Entry(uint n)
    {
        for (var k = 0; k < 8; k++)
        {
            n = (n & 1) != 0 ? 0xEDB88320u ^ (n >> 1) : n >> 1;
        }

        return n;
    }
}
