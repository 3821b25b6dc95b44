using System.Text;

namespace LmcBot.Fit.Evaluation;

/// <summary>
/// The fixed train/validation split (tests/eval/README.md): a row is validation when the FNV-1a 32-bit
/// hash of its UTF-8 id, modulo 10, is below 3. It never changes: changing it would leak validation rows into the fit.
/// </summary>
public static class EvalSplit
{
    public const int Buckets = 10, ValidationBuckets = 3;

    public static bool IsValidation(string id) => Fnv1a(Encoding.UTF8.GetBytes(id)) % Buckets < ValidationBuckets;

    public static uint Fnv1a(ReadOnlySpan<byte> bytes)
    {
        var hash = 2166136261u;
        foreach (var b in bytes)
        {
            hash ^= b;
            hash *= 16777619u;
        }
        return hash;
    }
}
