using System.Buffers.Binary;
using System.IO.Compression;
using SkiaSharp;

namespace DiagBot.Bot.Charts;

/// <summary>
/// Re-encodes an opaque chart PNG as an 8-bit palette PNG (colour type 3, PNG specification section 11.2): a chart has
/// a white ground, a few palette colours and their anti-aliased blends, so 256 colours keep it as it looked at about
/// a third of the bytes, which is what lets a chart ride inside a Teams card as a data URI.
/// </summary>
internal static class IndexedPng
{
    private const int MaxColours = 256;
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    public static byte[] FromPng(byte[] png)
    {
        using var bitmap = SKBitmap.Decode(png) ?? throw new ArgumentException("not a PNG SkiaSharp can read", nameof(png));
        var (width, height) = (bitmap.Width, bitmap.Height);

        // One native copy of every pixel: Width, Height and GetPixel are each a call into Skia, and asking them per
        // pixel cost more than drawing the chart.
        var colours = bitmap.Pixels;
        var pixels = new uint[colours.Length];
        for (var i = 0; i < colours.Length; i++)
        {
            pixels[i] = (uint)colours[i] & 0xFFFFFF; // SKColor is 0xAARRGGBB; the chart is opaque
        }

        var palette = pixels.GroupBy(pixel => pixel).OrderByDescending(group => group.Count()).Take(MaxColours).Select(group => group.Key).ToArray();
        var index = new Dictionary<uint, byte>();
        for (var i = 0; i < palette.Length; i++)
        {
            index[palette[i]] = (byte)i;
        }

        using var output = new MemoryStream();
        output.Write(Signature);
        Chunk(output, "IHDR", Header(width, height));
        Chunk(output, "PLTE", [.. palette.SelectMany(colour => new[] { (byte)(colour >> 16), (byte)(colour >> 8), (byte)colour })]);
        Chunk(output, "IDAT", Rows(pixels, width, height, pixel => Nearest(pixel, palette, index)));
        Chunk(output, "IEND", []);
        return output.ToArray();
    }

    private static byte[] Header(int width, int height)
    {
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 3; // colour type: palette
        return header; // compression, filter and interlace methods 0
    }

    // Filter type 0 on every row: the specification's advice for palette images.
    private static byte[] Rows(uint[] pixels, int width, int height, Func<uint, byte> indexOf)
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var row = new byte[width + 1];
            for (var y = 0; y < height; y++)
            {
                for (var x = 0; x < width; x++)
                {
                    row[x + 1] = indexOf(pixels[(y * width) + x]);
                }

                zlib.Write(row);
            }
        }

        return compressed.ToArray();
    }

    private static byte Nearest(uint pixel, uint[] palette, Dictionary<uint, byte> index)
    {
        if (index.TryGetValue(pixel, out var known))
        {
            return known;
        }

        var best = 0;
        var bestDistance = long.MaxValue;
        for (var i = 0; i < palette.Length; i++)
        {
            var distance = Square((int)(pixel >> 16 & 0xFF) - (int)(palette[i] >> 16 & 0xFF))
                + Square((int)(pixel >> 8 & 0xFF) - (int)(palette[i] >> 8 & 0xFF))
                + Square((int)(pixel & 0xFF) - (int)(palette[i] & 0xFF));
            if (distance < bestDistance)
            {
                (best, bestDistance) = (i, distance);
            }
        }

        index[pixel] = (byte)best;
        return (byte)best;
    }

    private static long Square(int value) => (long)value * value;

    private static void Chunk(Stream output, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        output.Write(number);
        var typed = new byte[4 + data.Length];
        System.Text.Encoding.ASCII.GetBytes(type, typed);
        data.CopyTo(typed, 4);
        output.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32.Of(typed));
        output.Write(number);
    }
}
