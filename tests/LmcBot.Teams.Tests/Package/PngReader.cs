using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace LmcBot.Teams.Tests.Package;

/// <summary>Reads back what the tests need from a PNG: IHDR, chunk CRCs, and RGBA pixels of unfiltered rows.</summary>
internal sealed record PngImage(int Width, int Height, byte BitDepth, byte ColorType, byte[] Rgba)
{
    public static PngImage Read(byte[] png)
    {
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        int width = 0, height = 0;
        byte bitDepth = 0, colorType = 0;
        using var idat = new MemoryStream();
        var offset = 8;
        var chunks = new List<string>();
        while (offset < png.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(offset));
            var type = Encoding.ASCII.GetString(png, offset + 4, 4);
            var data = png.AsSpan(offset + 8, length);
            var crc = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(offset + 8 + length));
            Assert.Equal(BitwiseCrc32(png.AsSpan(offset + 4, 4 + length)), crc);
            chunks.Add(type);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                bitDepth = data[8];
                colorType = data[9];
            }
            else if (type == "IDAT")
            {
                idat.Write(data);
            }
            offset += 12 + length;
        }
        Assert.Equal("IHDR", chunks[0]);
        Assert.Equal("IEND", chunks[^1]);

        idat.Position = 0;
        using var zlib = new ZLibStream(idat, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        zlib.CopyTo(raw);
        var bytes = raw.ToArray();
        var stride = width * 4;
        Assert.Equal((stride + 1) * height, bytes.Length);
        var rgba = new byte[stride * height];
        for (var y = 0; y < height; y++)
        {
            Assert.Equal(0, bytes[y * (stride + 1)]);
            Array.Copy(bytes, y * (stride + 1) + 1, rgba, y * stride, stride);
        }
        return new PngImage(width, height, bitDepth, colorType, rgba);
    }

    /// <summary>CRC-32 bit by bit: independent of the table-driven one under test.</summary>
    private static uint BitwiseCrc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
                crc = (crc >> 1) ^ (0xEDB88320u & (uint)-(int)(crc & 1));
        }
        return ~crc;
    }
}
