using System.Runtime.InteropServices;

namespace LmcBot.Core.Embedding;

/// <summary>
/// A vector as stored: its float32 values, little-endian, 4 bytes each (1,536 bytes for 384 dimensions).
/// float32 is what the model computes, so a stored vector equals a freshly computed one and decoding is a copy;
/// float16 would halve the size but change similarities in the third decimal, which is not worth it at this scale.
/// </summary>
public static class VectorBytes
{
    public static byte[] Encode(ReadOnlySpan<float> vector)
    {
        var bytes = MemoryMarshal.AsBytes(vector).ToArray();
        if (!BitConverter.IsLittleEndian) ReverseEach(bytes);
        return bytes;
    }

    public static float[] Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length % sizeof(float) != 0)
            throw new InvalidDataException($"A stored vector has {bytes.Length} bytes, not a whole number of float32 values.");
        var copy = bytes.ToArray();
        if (!BitConverter.IsLittleEndian) ReverseEach(copy);
        return MemoryMarshal.Cast<byte, float>(copy).ToArray();
    }

    private static void ReverseEach(byte[] bytes)
    {
        for (var i = 0; i < bytes.Length; i += sizeof(float)) Array.Reverse(bytes, i, sizeof(float));
    }
}
