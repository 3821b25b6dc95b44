namespace LmcBot.Teams.Package;

/// <summary>
/// The app's two icons, drawn in code: three river waves, white. Color icon: 192×192 on the
/// accent colour, symbol about 96×96 in the middle. Outline icon: 32×32, white on transparent,
/// filling the square (Teams' rules for both, docs/PROTOCOLS.md B.5).
/// </summary>
internal static class AppIcons
{
    public const int ColorSize = 192;
    public const int OutlineSize = 32;

    /// <summary>Samples per pixel side, for smooth edges.</summary>
    private const int Supersampling = 4;

    public static byte[] Color(byte red, byte green, byte blue)
    {
        const int symbol = 96, offset = (ColorSize - symbol) / 2;
        var pixels = new byte[ColorSize * ColorSize * 4];
        for (var y = 0; y < ColorSize; y++)
        {
            for (var x = 0; x < ColorSize; x++)
            {
                var coverage = Coverage((x - offset) / (double)symbol, (y - offset) / (double)symbol, 1.0 / symbol);
                var i = (y * ColorSize + x) * 4;
                pixels[i] = Blend(red, coverage);
                pixels[i + 1] = Blend(green, coverage);
                pixels[i + 2] = Blend(blue, coverage);
                pixels[i + 3] = 255;
            }
        }
        return PngEncoder.Encode(ColorSize, ColorSize, pixels);
    }

    public static byte[] Outline()
    {
        var pixels = new byte[OutlineSize * OutlineSize * 4];
        for (var y = 0; y < OutlineSize; y++)
        {
            for (var x = 0; x < OutlineSize; x++)
            {
                var coverage = Coverage(x / (double)OutlineSize, y / (double)OutlineSize, 1.0 / OutlineSize);
                var i = (y * OutlineSize + x) * 4;
                pixels[i] = pixels[i + 1] = pixels[i + 2] = 255;
                pixels[i + 3] = (byte)Math.Round(coverage * 255);
            }
        }
        return PngEncoder.Encode(OutlineSize, OutlineSize, pixels);
    }

    private static byte Blend(byte background, double white) =>
        (byte)Math.Round(background + (255 - background) * white);

    /// <summary>How much of the pixel at (<paramref name="u"/>, <paramref name="v"/>) in symbol units the waves cover, 0 to 1.</summary>
    private static double Coverage(double u, double v, double pixel)
    {
        var hits = 0;
        for (var sy = 0; sy < Supersampling; sy++)
        {
            for (var sx = 0; sx < Supersampling; sx++)
            {
                if (OnWave(u + (sx + 0.5) * pixel / Supersampling, v + (sy + 0.5) * pixel / Supersampling))
                    hits++;
            }
        }
        return hits / (double)(Supersampling * Supersampling);
    }

    private static bool OnWave(double u, double v)
    {
        if (u is < 0 or >= 1 || v is < 0 or >= 1)
            return false;
        const double amplitude = 0.07, halfThickness = 0.065;
        for (var k = 0; k < 3; k++)
        {
            var centre = 0.22 + 0.28 * k + amplitude * Math.Sin(2 * Math.PI * u);
            if (Math.Abs(v - centre) <= halfThickness)
                return true;
        }
        return false;
    }
}
