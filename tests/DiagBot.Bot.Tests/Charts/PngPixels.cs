using SkiaSharp;

namespace DiagBot.Bot.Tests.Charts;

/// <summary>A decoded PNG, for asking what a reader would see: its size, and how many pixels are close to a colour.</summary>
internal sealed class PngPixels : IDisposable
{
    private readonly SKBitmap bitmap;
    private readonly SKColor[] pixels;

    public PngPixels(byte[] png)
    {
        Assert.True(png.Length > 8 && png[0] == 0x89 && png[1] == (byte)'P', "not a PNG");
        bitmap = SKBitmap.Decode(png) ?? throw new InvalidOperationException("the PNG does not decode");

        // Read once: Width, Height and GetPixel each call into Skia, which per pixel cost more than the chart's drawing.
        (Width, Height, pixels) = (bitmap.Width, bitmap.Height, bitmap.Pixels);
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>
    /// Pixels within a small distance of <paramref name="hex"/> in the rows from <paramref name="top"/> to
    /// <paramref name="bottom"/> (fractions of the height).
    /// </summary>
    public int Count(string hex, double top = 0, double bottom = 1, int tolerance = 40)
    {
        var target = SKColor.Parse(hex);
        var count = 0;
        for (var y = (int)(top * Height); y < (int)(bottom * Height); y++)
        {
            for (var x = 0; x < Width; x++)
            {
                var pixel = pixels[(y * Width) + x];
                if (Math.Abs(pixel.Red - target.Red) + Math.Abs(pixel.Green - target.Green) + Math.Abs(pixel.Blue - target.Blue) <= tolerance)
                {
                    count++;
                }
            }
        }

        return count;
    }

    public void Dispose() => bitmap.Dispose();
}
